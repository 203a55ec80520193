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
  /^(但|但是|可是|然而|而|而且|并且|所以|因此|因为|这|那|它|其|也|此外|另外|(and|but|so|that|this|it|which|because|also)\b)/iu;

interface Candidate {
  text: string;
  speaker: string;
  turn: number;
  line: number;
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
          found.push({ text, speaker: turn.speaker, turn: turnIndex, line });
        }
      });
    }
  });
  return found;
}

/** Signals an editor would name when picking a line for a card. */
function score(text: string): { score: number; why: string[] } {
  const why = ["bold in the transcript"];
  let total = 3;
  const length = readingLength(text);
  if (/我/u.test(text) || /\b(I|we|my|our|me|us)\b/i.test(text)) {
    total += 1;
    why.push("first person");
  }
  if (
    /不是.{1,40}而是|而不是|[，,]\s*而|但|却|然而|rather than|instead|\bbut\b|not .{1,40} but/iu.test(
      text,
    )
  ) {
    total += 1;
    why.push("contrast");
  }
  if (/\d/.test(text)) {
    total += 0.5;
    why.push("a number");
  }
  if (length >= 12 && length <= 60) {
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
  return { score: total, why };
}

function hashOf(text: string): string {
  return createHash("sha1").update(normalizeForMatch(text)).digest("hex");
}

/** `q-` and the shortest hash prefix (four or more) that no other quote shares. */
function assignIds(hashes: readonly string[]): string[] {
  return hashes.map((hash) => {
    let length = 4;
    while (hashes.some((other) => other !== hash && other.startsWith(hash.slice(0, length)))) {
      length += 1;
    }
    return `q-${hash.slice(0, length)}`;
  });
}

/** Quote candidates from the turns, de-duplicated and ranked best first. */
export function findQuotes(turns: readonly TurnDraft[]): Quote[] {
  const seen = new Set<string>();
  const unique = boldCandidates(turns).filter((candidate) => {
    const key = normalizeForMatch(candidate.text);
    if (readingLength(candidate.text) < MIN_LENGTH || isQuestion(candidate.text) || seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
  const ids = assignIds(unique.map((candidate) => hashOf(candidate.text)));
  const quotes = unique.map(
    (candidate, index): Quote => ({
      id: ids[index] ?? "",
      ...candidate,
      ...score(candidate.text),
    }),
  );
  return quotes.sort((a, b) => b.score - a.score || a.line - b.line);
}
