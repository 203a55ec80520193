import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Parser as BudouxParser } from "budoux";
import { HAN_OR_KANA } from "../cjk.js";

/** A piece of a quote that never breaks inside; lines break only between segments. */
export interface Segment {
  text: string;
  /** A space follows this segment in the text (drawn as a margin, not a glyph). */
  space: boolean;
}

/** May not start a line (kinsoku): closing brackets and punctuation, CJK and Latin. */
const CLOSING = /^[，。、；：？！）」』”’…〕】》〉・ー～,.;:?!)\]}%‰]+/u;
/** May not end a line: opening brackets and quotes. */
const OPENING = /[（「『“‘〔【《〈([{]+$/u;

type Parser = Pick<BudouxParser, "parse">;
type Model = ConstructorParameters<typeof BudouxParser>[0];
const parsers = new Map<string, Parser>();

const require = createRequire(import.meta.url);
const budouxDir = dirname(require.resolve("budoux"));

/**
 * BudouX's parser with one of its models. Its package entry also loads its
 * HTML processor and a DOM (linkedom): 170 ms in every card worker, against
 * 12 ms for the parser and the model, which are read from its files directly.
 */
function loadParser(model: "ja" | "zh-hans" | "zh-hant"): Parser {
  const { Parser } = require(join(budouxDir, "parser.js")) as { Parser: typeof BudouxParser };
  const data = require(join(budouxDir, "data", "models", `${model}.js`)) as { model: Model };
  return new Parser(data.model);
}

function parserFor(lang: string, text: string): Parser | undefined {
  if (!HAN_OR_KANA.test(text)) return undefined;
  const key = /^ja/i.test(lang) ? "ja" : /^zh-(hant|tw|hk|mo)/i.test(lang) ? "zh-hant" : "zh-hans";
  let parser = parsers.get(key);
  if (parser === undefined) {
    parser = loadParser(key);
    parsers.set(key, parser);
  }
  return parser;
}

/** Letters and digits of a space-separated script on both sides: inside one word (`A|I`, `GPT-|4`). */
const IN_WORD_BEFORE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}_-]$/u;
const IN_WORD_AFTER = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Nd}_]/u;

/**
 * BudouX phrases for CJK text (the whole text otherwise), then split at
 * spaces. BudouX's models sometimes cut inside a Latin word or a number set
 * in Chinese text (`推动 A|I 领域`): a line never breaks there.
 */
function rawSegments(text: string, lang: string): Segment[] {
  const phrases = parserFor(lang, text)?.parse(text) ?? [text];
  const segments: Segment[] = [];
  for (const phrase of phrases) {
    for (const part of phrase.split(/(\s+)/u)) {
      if (part === "") continue;
      const last = segments.at(-1);
      if (/^\s+$/u.test(part)) {
        if (last !== undefined) last.space = true;
      } else if (
        last !== undefined &&
        !last.space &&
        IN_WORD_BEFORE.test(last.text) &&
        IN_WORD_AFTER.test(part)
      )
        last.text += part;
      else segments.push({ text: part, space: false });
    }
  }
  return segments;
}

/**
 * Chinese particles that BudouX's model often leaves alone (`意味|着，`) belong
 * to the word before: `意味着，` never breaks before `着`.
 */
const PARTICLE = /^[着了过的地得们]/u;

function attachParticles(segments: Segment[]): Segment[] {
  const joined: Segment[] = [];
  for (const segment of segments) {
    const previous = joined.at(-1);
    if (
      previous !== undefined &&
      !previous.space &&
      PARTICLE.test(segment.text) &&
      HAN_OR_KANA.test(previous.text.slice(-1))
    ) {
      previous.text += segment.text;
      previous.space = segment.space;
    } else joined.push({ ...segment });
  }
  return joined;
}

/** Moves closing punctuation back onto the line before, opening punctuation on to the next. */
function applyKinsoku(segments: Segment[]): Segment[] {
  for (let index = 1; index < segments.length; index += 1) {
    const previous = segments[index - 1];
    const current = segments[index];
    if (previous === undefined || current === undefined) continue;
    const closing = previous.space ? undefined : CLOSING.exec(current.text)?.[0];
    if (closing !== undefined) {
      previous.text += closing;
      current.text = current.text.slice(closing.length);
    }
    const opening = OPENING.exec(previous.text)?.[0];
    if (opening !== undefined && opening !== previous.text && !previous.space) {
      previous.text = previous.text.slice(0, -opening.length);
      current.text = opening + current.text;
    }
  }
  return segments.filter((segment) => segment.text !== "");
}

/** Keeps a last line from holding one or two characters: the last short segment joins the one before. */
function avoidOrphan(segments: Segment[]): Segment[] {
  const last = segments.at(-1);
  const previous = segments.at(-2);
  if (last === undefined || previous === undefined) return segments;
  const letters = last.text.replace(/[\p{P}\s]/gu, "");
  const short = HAN_OR_KANA.test(letters) ? [...letters].length <= 2 : [...letters].length <= 4;
  if (!short) return segments;
  const joined: Segment = {
    text: `${previous.text}${previous.space ? "\u00a0" : ""}${last.text}`,
    space: last.space,
  };
  return [...segments.slice(0, -2), joined];
}

/**
 * Splits a quote into segments that lines may break between: BudouX phrases
 * for Chinese and Japanese, words for space-separated text, with kinsoku
 * (no line starts with closing punctuation or ends with opening punctuation)
 * and no orphan of one or two characters on the last line.
 */
export function segmentText(text: string, lang: string): Segment[] {
  return avoidOrphan(applyKinsoku(attachParticles(rawSegments(text.trim(), lang))));
}
