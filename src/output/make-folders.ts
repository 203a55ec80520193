import { mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const isFolder = (path: string) =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );

/**
 * `mkdir -p`, one level at a time. Node's own `recursive: true` loops for ever
 * where a folder cannot be made though its parent exists (`/proc/x`: ENOENT).
 * Returns the first folder it made, like `mkdir` with `recursive`; a file in
 * the way is ENOTDIR.
 */
export async function makeFolders(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!(await isFolder(current))) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  let first: string | undefined;
  for (const folder of missing) {
    try {
      await mkdir(folder);
      first ??= folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (!(await isFolder(folder))) {
        throw Object.assign(new Error(`${folder} is not a folder`), { code: "ENOTDIR" });
      }
    }
  }
  return first;
}
