/** A file a build made in memory. */
export interface OutputFile {
  /** Untagged: most files a build makes are bytes in memory, written as `{ name, data }`. */
  kind?: undefined;
  /** Path inside the output folder, `/`-separated, e.g. `cards/q-3f2a-square.png`. */
  name: string;
  data: string | Buffer;
}

/** A file already written into the folder being built (cards: a big batch does not sit in memory). */
export interface StagedFile {
  kind: "staged";
  name: string;
  /** Where it was written. */
  path: string;
  digest: string;
}

/** A file the previous build made from the same inputs, its bytes checked: carried over as it is. */
export interface KeptFile {
  kind: "kept";
  name: string;
  digest: string;
}

/**
 * A file another run makes (another shard's card): carried over when the
 * folder holds it made from `hash`, left out otherwise.
 */
export interface PendingFile {
  kind: "pending";
  name: string;
  /** The content hash that shard's card has. */
  hash: string;
}

/** The files a build hands to the output folder: in memory, staged, kept from the last build, or another shard's. */
export type BuildFile = OutputFile | StagedFile | KeptFile | PendingFile;
