/**
 * The theme a build uses: a built-in one, the `brand` theme made from one
 * colour, or the user's own tokens file.
 */
import { dirname, resolve as resolvePath } from "node:path";
import { closest } from "fastest-levenshtein";
import { ErrorCode, type ErrorLocation, TalkdeckError } from "../errors.js";
import { brandTheme } from "../theme/brand.js";
import { builtInThemes, defaultThemeName, type ThemeTokens } from "../theme/tokens.js";
import { isThemePath, readThemeFile } from "../theme/user-theme.js";
import type { ResolvedConfig } from "./model.js";
import type { ConfigInput } from "./schema.js";

/** The absolute path of the user's tokens file, when the theme names one, resolved against the file that named it. */
function themeFilePath(name: string | undefined, origin: string | undefined): string | undefined {
  if (name === undefined || !isThemePath(name)) return undefined;
  return resolvePath(origin === undefined ? "." : dirname(origin), name);
}

/** A built-in name, `brand` (with `brand: "#rrggbb"`), or the path of the user's tokens file. */
function resolveTheme(
  name: string | undefined,
  brand: string | undefined,
  from: { location: ErrorLocation; origin: string | undefined },
): ThemeTokens {
  if (name === undefined && brand !== undefined) return brandTheme(brand);
  const wanted = name ?? defaultThemeName;
  if (wanted === "brand") {
    if (brand !== undefined) return brandTheme(brand);
    throw new TalkdeckError(ErrorCode.UnknownTheme, "the brand theme needs a brand colour", {
      location: from.location,
      hint: 'add `brand: "#0a66c2"` (your colour) next to `theme: brand`',
    });
  }
  const file = themeFilePath(wanted, from.origin);
  if (file !== undefined) return readThemeFile(file, from.location);
  const builtIn = builtInThemes[wanted];
  if (builtIn !== undefined) return builtIn;
  const names = [...Object.keys(builtInThemes), "brand"];
  throw new TalkdeckError(ErrorCode.UnknownTheme, `unknown theme \`${wanted}\``, {
    location: from.location,
    hint: `did you mean \`${closest(wanted, names)}\`? Built-in themes: ${names.join(", ")}, or a path to your own tokens file`,
  });
}

/**
 * The theme `--theme` names, else the one the files' `theme:` names (the
 * talk's over the spec file's), else the default (or `brand`, when only
 * `brand:` is set); with its tokens file, if it names one. `origin` is the
 * file the name was written in, which that file's path resolves against.
 */
export function themeSetting(
  cliTheme: string | undefined,
  merged: Pick<ConfigInput, "theme" | "brand">,
  origin: string | undefined,
  locate: ResolvedConfig["locate"],
): { theme: ThemeTokens; themeFile: string | undefined } {
  const themeName = cliTheme ?? merged.theme;
  const themeFile = themeFilePath(themeName, origin);
  const theme = resolveTheme(themeName, merged.brand, {
    location: cliTheme === undefined ? locate(["theme"]) : { key: "--theme" },
    origin,
  });
  return { theme, themeFile };
}
