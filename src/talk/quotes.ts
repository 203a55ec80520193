import { createHash } from "node:crypto";
import type { PhrasingContent } from "mdast";
import { inlineText, startLine } from "./markdown.js";
import type { Quote } from "./model.js";
import { isNoiseText } from "./noise.js";
import { normalizeForMatch, readingLength, splitSentences } from "./text.js";
import type { TurnDraft } from "./turns.js";

/** Shorter than this is an emphasised term (`**假阳性**`), not a quote. */
const MIN_LENGTH = 8;
/** Longer than this is hard to read on a card; it stays a candidate but ranks lower. */
const COMFORTABLE_MAX = 90;

/** Punctuation that may trail a bold span across a line break: `**…规模**\n，`. */
const TRAILING_END = /^\s*([。！？!?…]+|\.(?=\s|$))/u;
const TRAILING_SOFT = /[\s，、；：,;:—-]+$/u;

/** A sentence that leans on the one before it cannot stand alone on a card. */
const LEANS_ON_PREVIOUS =
  /^(但|但是|可是|然而|而|而且|并且|所以|因此|因为|甚至|这|那|它|其|也|此外|另外|(and|but|so|that|this|it|which|because|also|that's why)\b)/iu;

interface Candidate {
  text: string;
  speaker: string;
  turn: number;
  line: number;
  /** Bold in the write-up: the editor already marked it. */
  bold: boolean;
}

/** The text of a bold span, with the sentence end that a line break pushed outside it. */
function boldSpanText(nodes: readonly PhrasingContent[], index: number): string {
  const node = nodes[index];
  if (node?.type !== "strong") return "";
  let text = inlineText(node.children).replace(TRAILING_SOFT, "");
  const next = nodes[index + 1];
  const end = next?.type === "text" ? TRAILING_END.exec(next.value)?.[1] : undefined;
  if (end !== undefined && !/[。！？!?….]$/u.test(text)) text += end;
  return text.replace(/^[“"「]+|[”"」]+$/gu, "").trim();
}

/** Splits a long bold span into runs of sentences that each stand on their own. */
function selfContainedRuns(text: string): string[] {
  const runs: string[] = [];
  for (const sentence of splitSentences(text)) {
    const last = runs.length - 1;
    if (last >= 0 && LEANS_ON_PREVIOUS.test(sentence)) runs[last] += sentence;
    else runs.push(sentence);
  }
  return runs;
}

function isQuestion(text: string): boolean {
  return /[？?]$/u.test(text);
}

/** Quotable length: 12–90 CJK characters or 8–45 words. */
function quotableLength(text: string): boolean {
  const length = readingLength(text);
  return /[\p{Script=Han}]/u.test(text)
    ? length >= 12 && length <= 90
    : length >= 8 && length <= 45;
}

/** Filler, sponsor reads and housekeeping are never quotes. */
const NOT_QUOTABLE =
  /\b(um+|uh+|you know|i mean|kind of hard|sort of|brought to you by|sponsor(ed)?|promo code|use code|% off|subscribe|thanks for having me|welcome to the show|great to be here)\b|赞助|广告|嗯|呃|欢迎来到|感谢邀请/iu;

/** Where nothing is bold: the speakers' own self-contained sentences of quotable length. */
function sentenceCandidates(turns: readonly TurnDraft[], skip: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  turns.forEach((turn, turnIndex) => {
    if (skip.has(turn.speaker)) return;
    for (const paragraph of turn.paragraphs) {
      for (const sentence of splitSentences(paragraph.text)) {
        if (!quotableLength(sentence) || isQuestion(sentence) || LEANS_ON_PREVIOUS.test(sentence))
          continue;
        if (NOT_QUOTABLE.test(sentence)) continue;
        found.push({
          text: sentence,
          speaker: turn.speaker,
          turn: turnIndex,
          line: paragraph.line,
          bold: false,
        });
      }
    }
  });
  return found;
}

function boldCandidates(turns: readonly TurnDraft[]): Candidate[] {
  const found: Candidate[] = [];
  turns.forEach((turn, turnIndex) => {
    for (const paragraph of turn.paragraphs) {
      paragraph.inline.forEach((node, index) => {
        if (node.type !== "strong") return;
        const span = boldSpanText(paragraph.inline, index);
        if (span === "" || isNoiseText(span)) return;
        const line = startLine(node);
        for (const run of selfContainedRuns(span)) {
          const text = /[\p{Script=Han}]/u.test(run)
            ? run.replace(/\s+(?=[\p{Script=Han}，。])/gu, "")
            : run;
          found.push({ text, speaker: turn.speaker, turn: turnIndex, line, bold: true });
        }
      });
    }
  });
  return found;
}

/** Signals an editor would name when picking a line for a card. */
function score(candidate: Candidate): { score: number; why: string[] } {
  const { text } = candidate;
  const why: string[] = [];
  let total = candidate.bold ? 3 : 1;
  if (candidate.bold) why.push("bold in the transcript");
  const length = readingLength(text);
  const signals: Array<[RegExp, number, string]> = [
    [/我|\b(I|we|my|our|me|us)\b/i, 1, "first person"],
    [
      /不是.{1,40}而是|而不是|[，,]\s*而|但|却|然而|rather than|instead|\bbut\b|not .{1,40} but|, and .{1,30} is /iu,
      1,
      "contrast",
    ],
    [
      /\d|\b(two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|twice|half)\b/i,
      0.5,
      "a number",
    ],
    [
      /^(don'?t|never|always|keep|start|stop|pick|ship|build|hire|watch|make|give|get|find|要|别|不要|永远不要|一定要)\b/iu,
      1,
      "imperative",
    ],
    [
      /就像|好比|仿佛|有点像|像是|\blike a\b|\bas .{1,20} as\b|is a (?!lot)/iu,
      0.5,
      "vivid comparison",
    ],
    [
      /\b(every|never|always|nobody|the best|the hardest)\b|所有|永远|最好的|没有人/iu,
      0.5,
      "a general claim",
    ],
  ];
  for (const [pattern, points, reason] of signals) {
    if (pattern.test(text)) {
      total += points;
      why.push(reason);
    }
  }
  const cjk = /[\p{Script=Han}]/u.test(text);
  if (cjk ? length >= 12 && length <= 60 : length >= 8 && length <= 30) {
    total += 1;
    why.push(`fits a card (${length} units)`);
  } else if (length > COMFORTABLE_MAX) {
    total -= 1.5;
    why.push(`long (${length} units)`);
  }
  if (isQuestion(text)) {
    total -= 3;
    why.push("a question");
  }
  if (LEANS_ON_PREVIOUS.test(text)) {
    total -= 1.5;
    why.push("leans on what came before");
  }
  if (!/[。！？!?.…」”"]$/u.test(text)) {
    total -= 0.5;
    why.push("cut off mid-sentence");
  }
  return { score: total, why };
}

/** The sha1 of a quote's normalised text, in hex: the source of its id. */
export function quoteHash(text: string): string {
  return createHash("sha1").update(normalizeForMatch(text)).digest("hex");
}

/** Hex digits of the hash in an id: 65,536 values, short enough to type into front matter. */
const ID_DIGITS = 4;

/**
 * `q-` and the first four hex digits of each quote's own hash, so that no
 * other quote can change a quote's id. Four digits keep the ids users already
 * have in their front matter; they collide now and then (about one talk in 13
 * with 100 quotes has a pair; 16,000 quotes have some 1,900 pairs). Then the
 * quote said first keeps the short id and each later one adds the next
 * digits of its own hash (`q-781a-c9e0`), not a counter: adding a quote after
 * it, or another quote sharing the digits, renames nothing. Only a quote
 * sharing them and said earlier takes over the short id (select.ts says so
 * when the front matter names it, and a long id keeps naming its quote). One
 * pass with a set: linear in the quotes.
 */
function assignIds(hashes: readonly string[]): string[] {
  const taken = new Set<string>();
  return hashes.map((hash) => {
    let id = `q-${hash.slice(0, ID_DIGITS)}`;
    // Distinct texts with the same 8, 12, … digits: longer suffixes, then the full hash.
    for (let end = 2 * ID_DIGITS; taken.has(id) && end <= hash.length; end += ID_DIGITS) {
      id = `q-${hash.slice(0, ID_DIGITS)}-${hash.slice(ID_DIGITS, end)}`;
    }
    taken.add(id);
    return id;
  });
}

/**
 * Quote candidates from the turns, ranked best first: bold spans, or where
 * nothing is bold, the speakers' own sentences. A sentence said twice (an
 * opening highlight reel) appears once, at the turn where it is said in full.
 */
export function findQuotes(
  turns: readonly TurnDraft[],
  notSpeakers: ReadonlySet<string> = new Set(),
): Quote[] {
  const bold = boldCandidates(turns);
  const candidates = bold.length > 0 ? bold : sentenceCandidates(turns, notSpeakers);
  const lastIndex = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    lastIndex.set(normalizeForMatch(candidate.text), index);
  });
  const unique = candidates.filter(
    (candidate, index) =>
      readingLength(candidate.text) >= MIN_LENGTH &&
      !isQuestion(candidate.text) &&
      lastIndex.get(normalizeForMatch(candidate.text)) === index,
  );
  // In the talk's order: on a collision the quote said first keeps the short id.
  const ids = assignIds(unique.map((candidate) => quoteHash(candidate.text)));
  const quotes = unique.map(
    ({ bold: _bold, ...candidate }, index): Quote => ({
      id: ids[index] ?? "",
      ...candidate,
      ...score(unique[index] as Candidate),
    }),
  );
  return quotes.sort((a, b) => b.score - a.score || a.line - b.line);
}
