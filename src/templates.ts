import Handlebars from "handlebars";
import { ErrorCode, TalkdeckError } from "./errors.js";
import { decodeInputText, readInputFile } from "./input-file.js";
import { recentByKey } from "./once.js";
import { listTemplateFiles, TEMPLATE_RULES } from "./template-files.js";

/** Template sources keyed by `kind/file`, e.g. `deck/deck.md.hbs`. */
export type TemplateRegistry = ReadonlyMap<string, { source: string; file: string }>;

/** Loads the bundled templates, then the user's folder over them (same file name wins). */
export async function loadTemplates(userDir?: string): Promise<TemplateRegistry> {
  const registry = new Map<string, { source: string; file: string }>();
  for (const { key, file } of await listTemplateFiles(userDir)) {
    // Checked before it is read: an ordinary file of at most 10 MB, UTF-8 text.
    const source = decodeInputText(await readInputFile(file, TEMPLATE_RULES), file, TEMPLATE_RULES);
    registry.set(key, { source, file });
  }
  return registry;
}

/** Handlebars compiles lazily and keeps the result: one function per source serves every build of a watch. */
const compiledSources = new Map<string, Handlebars.TemplateDelegate>();

function compiled(source: string, noEscape: boolean): Handlebars.TemplateDelegate {
  return recentByKey(compiledSources, `${noEscape ? "raw" : "escaped"}\n${source}`, 64, () =>
    Handlebars.compile(source, { noEscape }),
  );
}

/**
 * Compiles one template. `noEscape` is for templates whose data has already
 * been escaped for the target language (the deck's Markdown view).
 */
export function compileTemplate(
  registry: TemplateRegistry,
  name: string,
  options: { noEscape?: boolean } = {},
): Handlebars.TemplateDelegate {
  const entry = registry.get(name);
  if (entry === undefined) {
    throw new TalkdeckError(ErrorCode.UnknownTemplate, `no template named \`${name}\``, {
      hint: `available: ${[...registry.keys()].join(", ")}`,
    });
  }
  const template = compiled(entry.source, options.noEscape ?? false);
  return (context, runtimeOptions) => {
    try {
      return template(context, runtimeOptions);
    } catch (error) {
      throw new TalkdeckError(
        ErrorCode.TemplateError,
        `template failed: ${(error as Error).message}`,
        {
          location: { file: entry.file },
          cause: error,
        },
      );
    }
  };
}

/** A compiled template and where it came from, for messages that name its lines. */
export interface CompiledTemplate {
  render: Handlebars.TemplateDelegate;
  origin: { file: string; source: string };
}

/**
 * Templates compiled once each, on first use: the card and carousel
 * renderers draw many images from a few templates.
 */
export class CompiledTemplates {
  readonly #registry: TemplateRegistry;
  readonly #compiled = new Map<string, CompiledTemplate>();

  constructor(registry: TemplateRegistry) {
    this.#registry = registry;
  }

  get(name: string): CompiledTemplate {
    let template = this.#compiled.get(name);
    if (template === undefined) {
      const render = compileTemplate(this.#registry, name);
      // compileTemplate has refused a name the registry lacks.
      const { file, source } = this.#registry.get(name) ?? { file: name, source: "" };
      template = { render, origin: { file, source } };
      this.#compiled.set(name, template);
    }
    return template;
  }
}
