/** The files a build hands to the output folder: in memory, staged, kept from the last build, or another shard's. */
export interface OutputFile {
  /** Path inside the output folder, `/`-separated, e.g. `cards/q-3f2a-square.png`. */
  name: string;
  data: string | Buffer;
}

/** A file already written into the folder being built (cards: a big batch does not sit in memory). */
export interface StagedFile {
  name: string;
  staged: string;
  digest: string;
}

/** A file the previous build made from the same inputs, its bytes checked: carried over as it is. */
export interface KeptFile {
  name: string;
  kept: true;
  digest: string;
}

/**
 * A file another run makes (another shard's card): carried over when the
 * folder holds it made from `hash`, left out otherwise.
 */
export interface PendingFile {
  name: string;
  pending: string;
}

export type BuildFile = OutputFile | StagedFile | KeptFile | PendingFile;

/** What a build wrote, for the last files (gallery, manifest) that list it. */
