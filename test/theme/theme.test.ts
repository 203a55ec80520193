import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { createMarp } from "../../src/deck/render.js";
import { ErrorCode, type TalkdeckError } from "../../src/errors.js";
import { readSource } from "../../src/source.js";
import { AA, brandTheme } from "../../src/theme/brand.js";
import { contrast } from "../../src/theme/color.js";
import { marpThemeCss, marpThemeFile, marpThemeName } from "../../src/theme/marp-css.js";
import { builtInThemes, type ThemeTokens, textPairs } from "../../src/theme/tokens.js";
import { tempDir } from "../helpers/paths.js";

const BRAND_COLOURS = [
  "#0a66c2",
  "#ffcc00",
  "#e11d48",
  "#22c55e",
  "#7c3aed",
  "#000000",
  "#ffffff",
  "#14b8a6",
];

function expectAA(theme: ThemeTokens, label: string): void {
  for (const [pair, foreground, background] of textPairs(theme)) {
    expect(
      contrast(foreground, background),
      `${label}: ${pair} (${foreground} on ${background})`,
    ).toBeGreaterThanOrEqual(AA);
  }
}

describe("theme contrast (WCAG AA, 4.5:1, computed from the tokens)", () => {
  it("holds for every built-in theme", () => {
    for (const theme of Object.values(builtInThemes)) expectAA(theme, theme.name);
  });

  it("holds for brand themes from light, dark and vivid brand colours", () => {
    for (const brand of BRAND_COLOURS) expectAA(brandTheme(brand), `brand ${brand}`);
  });

  it("keeps a brand colour as it is when it already has the contrast", () => {
    expect(brandTheme("#0a66c2").color.accent).toBe("#0a66c2");
    expect(brandTheme("#ffcc00").color.accent).not.toBe("#ffcc00");
  });

  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("themes in the front matter", () => {
  const talk = (frontMatter: string, file = "/t/talk.md") =>
    readSource(`---\n${frontMatter}\n---\n# T\n`, file);

  it("derives the brand theme from one colour", () => {
    expect(
      resolveConfig(talk('theme: brand\nbrand: "#0a66c2"'), undefined).theme.color.accent,
    ).toBe("#0a66c2");
    expect(resolveConfig(talk('brand: "#0a66c2"'), undefined).theme.name).toBe("brand");
    const error = (() => {
      try {
        resolveConfig(talk("theme: brand"), undefined);
      } catch (caught) {
        return caught as TalkdeckError;
      }
    })();
    expect(error?.code).toBe(ErrorCode.UnknownTheme);
    expect(error?.hint).toContain("brand:");
  });

  it("reads the user's own tokens file, relative to the talk", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "acme.yaml"),
      "scheme: light\ncolor:\n  background: '#ffffff'\n  surface: '#f3f4f6'\n  text: '#111827'\n  muted: '#4b5563'\n  accent: '#1d4ed8'\n  onAccent: '#ffffff'\n",
    );
    const resolved = resolveConfig(talk("theme: ./acme.yaml", join(dir, "talk.md")), undefined);
    const { theme } = resolved;
    expect(theme.name).toBe("acme");
    // The up-to-date check watches the tokens file too.
    expect(resolved.inputFiles).toEqual([join(dir, "talk.md"), join(dir, "acme.yaml")]);
    expect(marpThemeCss(theme)).toContain("#1d4ed8");
    await writeFile(join(dir, "bad.yaml"), "scheme: light\ncolor:\n  background: red\n");
    expect(() => resolveConfig(talk("theme: ./bad.yaml", join(dir, "talk.md")), undefined)).toThrow(
      /color\.background/,
    );
  });

  it("makes a Marp theme file that marp-core registers and renders", () => {
    const theme = builtInThemes.midnight as ThemeTokens;
    const marp = createMarp();
    marp.themeSet.add(marpThemeFile(theme));
    expect(marp.themeSet.has(marpThemeName(theme))).toBe(true);
    const { html, css } = marp.render(`---\ntheme: ${marpThemeName(theme)}\n---\n\n# Hi`);
    expect(html).toContain(`data-theme="${marpThemeName(theme)}"`);
    expect(css).toContain(theme.color.background);
  });

  it("turns the same tokens into the deck's CSS", () => {
    const css = marpThemeCss(builtInThemes.paper as ThemeTokens);
    for (const value of Object.values((builtInThemes.paper as ThemeTokens).color).filter(
      (c) => c !== "#ffffff",
    )) {
      expect(css).toContain(value);
    }
    expect(css).toMatch(/font-family: "Inter", "Noto Sans SC"/);
  });
});
