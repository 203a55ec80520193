import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ErrorCode, TalkdeckError } from "./errors.js";
import { checkOrdinaryFile, INPUT_LIMITS } from "./input-file.js";
import { packageRoot } from "./paths.js";

const KINDS = ["deck", "cards", "carousel"] as const;

/** Templates are read with these checks (templates.ts) and listed with them here. */
export const TEMPLATE_RULES = { maxBytes: INPUT_LIMITS.template, what: "template" } as const;

/** What a templates folder looks like, for messages about `--templates`. */
const TEMPLATES_FOLDER_HINT =
  "a templates folder holds deck/*.md.hbs, cards/*.html.hbs and carousel/*.html.hbs, named like talkdeck's own (deck/deck.md.hbs, cards/classic.html.hbs, cards/<layout>.html.hbs)";

/** A template file: its registry key (`kind/file`, e.g. `deck/deck.md.hbs`) and its path. */
export interface TemplateFile {
  key: string;
  file: string;
}

function usage(message: string): TalkdeckError {
  return new TalkdeckError(ErrorCode.Usage, message, {
    location: { key: "--templates" },
    hint: TEMPLATES_FOLDER_HINT,
  });
}

/** `--templates DIR` must name a folder with a deck/ or cards/ folder: a typo is not silently ignored. */
async function checkUserFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw usage(`cannot read ${dir} (${error.code ?? "unknown error"})`);
  });
  if (info === undefined) throw usage(`no folder ${dir}`);
  if (!info.isDirectory()) throw usage(`${dir} is a file, not a folder`);
  const kinds = await Promise.all(
    KINDS.map((kind) =>
      stat(join(dir, kind)).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!kinds.includes(true)) throw usage(`${dir} has no deck/ or cards/ folder (nor carousel/)`);
}

/** The `.hbs` files of one kind's folder, sorted; none when the folder is absent. */
async function templatesIn(root: string, kind: (typeof KINDS)[number]): Promise<TemplateFile[]> {
  const dir = join(root, kind);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return [];
    throw usage(
      code === "ENOTDIR" ? `${dir} is a file, not a folder` : `cannot list ${dir} (${code})`,
    );
  }
  const found: TemplateFile[] = [];
  for (const name of names.filter((entry) => entry.endsWith(".hbs")).sort()) {
    const file = join(dir, name);
    // Looked at, not opened: a FIFO or a huge file is refused here, before the
    // up-to-date check would read it to hash it (templates.ts checks its own read too).
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined) checkOrdinaryFile(file, TEMPLATE_RULES, info);
    found.push({ key: `${kind}/${name}`, file });
  }
  return found;
}

/**
 * The template files, ours then the user's folder's, so that a later entry
 * with the same key overrides an earlier one. Kept apart from templates.ts
 * (which loads Handlebars) because the up-to-date check lists them too.
 */
export async function listTemplateFiles(userDir: string | undefined): Promise<TemplateFile[]> {
  if (userDir !== undefined) await checkUserFolder(userDir);
  const found: TemplateFile[] = [];
  for (const root of [join(packageRoot, "templates"), userDir]) {
    if (root === undefined) continue;
    for (const kind of KINDS) found.push(...(await templatesIn(root, kind)));
  }
  return found;
}
