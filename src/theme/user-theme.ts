import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { DECK_FONTS, type ThemeTokens } from "./tokens.js";

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb");

const themeFileSchema = z
  .object({
    name: z.string().min(1).optional(),
    scheme: z.enum(["light", "dark"]),
    color: z
      .object({ background: hex, surface: hex, text: hex, muted: hex, accent: hex, onAccent: hex })
      .strict(),
    font: z
      .object({ deck: z.string().min(1) })
      .strict()
      .optional(),
  })
  .strict();

/** A path rather than a built-in name: `./acme.yaml`, `themes/acme.json`. */
export function isThemePath(value: string): boolean {
  return /[\\/]|\.(ya?ml|json)$/i.test(value);
}

/** Reads the user's own theme tokens (YAML or JSON) and checks them. */
export function readThemeFile(path: string, where: ErrorLocation): ThemeTokens {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, "utf8"));
  } catch (error) {
    throw new TalkdeckError(ErrorCode.UnknownTheme, `cannot read the theme file ${path}`, {
      location: where,
      hint: "give `theme` a built-in name (midnight, paper, brand) or the path of a YAML/JSON tokens file",
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
    name: tokens.name ?? path.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, ""),
    scheme: tokens.scheme,
    color: tokens.color,
    font: { deck: tokens.font?.deck ?? DECK_FONTS },
  };
}
