import {
  beginText,
  endText,
  type PDFContext,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFPage,
  type PDFRef,
  PDFString,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from "pdf-lib";

/**
 * An invisible text layer for image pages, so the PDF can be searched, read
 * aloud and copied from. pdf-lib embeds only its 14 Latin standard fonts
 * without fontkit, and those cannot encode Chinese; but invisible text
 * (render mode 3) draws no glyph, so it needs no font program: a Type 0
 * font with no font file, whose codes map to Unicode through ToUnicode
 * (the "glyphless font" OCR tools use), carries any text.
 */
export class TextLayer {
  readonly #doc: PDFDocument;
  /** Code 1, 2, … for each character in the order first used: two bytes each. */
  readonly #codes = new Map<string, number>();
  readonly #font: ReturnType<PDFDocument["context"]["nextRef"]>;

  constructor(doc: PDFDocument) {
    this.#doc = doc;
    this.#font = doc.context.nextRef();
  }

  #code(char: string): number {
    let code = this.#codes.get(char);
    if (code === undefined) {
      code = this.#codes.size + 1;
      this.#codes.set(char, code);
    }
    return code;
  }

  #hex(text: string): PDFHexString {
    return PDFHexString.of(
      [...text].map((char) => this.#code(char).toString(16).padStart(4, "0")).join(""),
    );
  }

  /**
   * Writes `text` across the top of the page, invisibly, as one line at the
   * size that fits the page. One line keeps the reading order whole (pdftotext
   * split wrapped lines of mixed Chinese and Latin text into columns).
   */
  write(page: PDFPage, text: string): void {
    const { width, height } = page.getSize();
    const line = text.replace(/\s+/gu, " ").trim();
    const ems = [...line].reduce((sum, char) => sum + advance(char) / 1000, 0);
    const size = Math.min(12, (width * 0.9) / Math.max(1, ems));
    page.node.setFontDictionary(PDFName.of("TalkdeckText"), this.#font);
    page.pushOperators(
      beginText(),
      setTextRenderingMode(TextRenderingMode.Invisible),
      setFontAndSize("TalkdeckText", size),
      setTextMatrix(1, 0, 0, 1, width * 0.05, height - 24),
      showText(this.#hex(line)),
      endText(),
    );
  }

  /** Registers the font once every page's text is known: its ToUnicode map lists the characters used. */
  finish(): void {
    const { context } = this.#doc;
    const toUnicode = context.register(context.flateStream(toUnicodeCMap(this.#codes)));
    const descriptor = registerDescriptor(context);
    const descendant = registerDescendantFont(context, this.#codes, descriptor);
    context.assign(
      this.#font,
      context.obj({
        Type: "Font",
        Subtype: "Type0",
        BaseFont: "GlyphLessFont",
        Encoding: "Identity-H",
        DescendantFonts: [descendant],
        ToUnicode: toUnicode,
      }),
    );
  }
}

/** The ToUnicode CMap: each two-byte code to the character it stands for, 100 codes a block at most. */
function toUnicodeCMap(codes: ReadonlyMap<string, number>): string {
  const entries = [...codes].map(
    ([char, code]) =>
      `<${code.toString(16).padStart(4, "0")}> <${Buffer.from(char, "utf16le").swap16().toString("hex")}>`,
  );
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += 100) {
    const chunk = entries.slice(start, start + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000> <FFFF>",
    "endcodespacerange",
    ...blocks,
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}

/** The glyphless font's descriptor: metrics only, no font file. */
function registerDescriptor(context: PDFContext): PDFRef {
  return context.register(
    context.obj({
      Type: "FontDescriptor",
      FontName: "GlyphLessFont",
      Flags: 5,
      FontBBox: [0, 0, 1000, 1000],
      ItalicAngle: 0,
      Ascent: 1000,
      Descent: 0,
      CapHeight: 1000,
      StemV: 80,
    }),
  );
}

/** The Type 0 font's CIDFont: each code its own glyph, with the advances of `advance`. */
function registerDescendantFont(
  context: PDFContext,
  codes: ReadonlyMap<string, number>,
  descriptor: PDFRef,
): PDFRef {
  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: "GlyphLessFont",
      CIDSystemInfo: {
        Registry: PDFString.of("Adobe"),
        Ordering: PDFString.of("Identity"),
        Supplement: 0,
      },
      FontDescriptor: descriptor,
      DW: 1000,
      // Narrow Latin letters and spaces: with every advance 1 em, a space read as a column gap.
      W: [...codes].flatMap(([char, code]) =>
        advance(char) === 1000 ? [] : [code, [advance(char)]],
      ),
      CIDToGIDMap: "Identity",
    }),
  );
}

/** A character's advance in thousandths of an em: full width for CJK, less for Latin and spaces. */
function advance(char: string): number {
  if (/\s/u.test(char)) return 250;
  return (char.codePointAt(0) ?? 0) < 0x2e80 ? 550 : 1000;
}
