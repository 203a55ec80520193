import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "./paths.js";

const KINDS = ["deck", "cards"] as const;

/** A template file: its registry key (`kind/file`, e.g. `deck/deck.md.hbs`) and its path. */
export interface TemplateFile {
  key: string;
  file: string;
}

/**
 * The template files, ours then the user's folder's, so that a later entry
 * with the same key overrides an earlier one. Kept apart from templates.ts
 * (which loads Handlebars) because the up-to-date check lists them too.
 */
export async function listTemplateFiles(userDir: string | undefined): Promise<TemplateFile[]> {
  const found: TemplateFile[] = [];
  for (const root of [join(packageRoot, "templates"), userDir]) {
    if (root === undefined) continue;
    for (const kind of KINDS) {
      let names: string[];
      try {
        names = await readdir(join(root, kind));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      for (const name of names.filter((entry) => entry.endsWith(".hbs")).sort()) {
        found.push({ key: `${kind}/${name}`, file: join(root, kind, name) });
      }
    }
  }
  return found;
}
