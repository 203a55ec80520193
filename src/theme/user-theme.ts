import { basename, extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { decodeInputText, INPUT_LIMITS, readInputFileSync } from "../input-file.js";
import { HEX_COLOR } from "./color.js";
import { DECK_FONTS, type ThemeTokens } from "./tokens.js";

const hex = z.string().regex(HEX_COLOR, "a colour as #rrggbb");

/**
 * A CSS font-family list, and nothing else: it is written into the deck's CSS,
 * so `;`, braces, parentheses (`url(…)`), `<`, `/*` and backslashes, which could
 * end the declaration or fetch something, are not font names. Names are words of
 * letters, digits, `_`, `.` and `-`, optionally in quotes, separated by commas.
 */
const FONT_NAME = String.raw`[\p{L}\p{M}\p{N}_.\-]+(?: +[\p{L}\p{M}\p{N}_.\-]+)*`;
const FONT_FAMILY = `(?:${FONT_NAME}|"${FONT_NAME}"|'${FONT_NAME}')`;
const FONT_LIST = new RegExp(`^ *${FONT_FAMILY} *(?:, *${FONT_FAMILY} *)*$`, "u");
const fontList = z
  .string()
  .max(500)
  .regex(
    FONT_LIST,
    'font names separated by commas, such as "Inter", "Noto Sans SC", sans-serif (letters, digits, spaces, hyphens; no CSS)',
  );

const themeFileSchema = z
  .object({
    name: z.string().min(1).optional(),
    scheme: z.enum(["light", "dark"]),
    color: z
      .object({ background: hex, surface: hex, text: hex, muted: hex, accent: hex, onAccent: hex })
      .strict(),
    font: z.object({ deck: fontList }).strict().optional(),
  })
  .strict();

/** A path rather than a built-in name: `./acme.yaml`, `themes/acme.json`. */
export function isThemePath(value: string): boolean {
  return /[\\/]|\.(ya?ml|json)$/i.test(value);
}

const THEME_HINT =
  "give `theme` a built-in name (midnight, paper, brand) or the path of a YAML/JSON tokens file";

/** Reads the user's own theme tokens (YAML or JSON) and checks them. */
export function readThemeFile(path: string, where: ErrorLocation): ThemeTokens {
  // Checked before it is read: an ordinary file of at most 10 MB, UTF-8 text.
  const rules = {
    maxBytes: INPUT_LIMITS.theme,
    what: "theme tokens file",
    location: where,
    hint: THEME_HINT,
  };
  const text = decodeInputText(readInputFileSync(path, rules), path, rules);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new TalkdeckError(ErrorCode.UnknownTheme, `cannot read the theme file ${path}`, {
      location: where,
      hint: THEME_HINT,
      cause: error,
    });
  }
  const result = themeFileSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TalkdeckError(
      ErrorCode.UnknownTheme,
      `${path}: \`${issue?.path.join(".") ?? ""}\`: ${issue?.message ?? "invalid theme"}`,
      {
        location: where,
        hint: "a theme file has scheme and color.{background, surface, text, muted, accent, onAccent}",
      },
    );
  }
  const tokens = result.data;
  return {
    name: tokens.name ?? basename(path, extname(path)),
    scheme: tokens.scheme,
    color: tokens.color,
    font: { deck: tokens.font?.deck ?? DECK_FONTS },
  };
}
