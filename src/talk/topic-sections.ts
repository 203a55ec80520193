import type { RootContent } from "mdast";
import { CJK_PUNCTUATION } from "../cjk.js";
import { isImageOnly, nodeText, startLine } from "./markdown.js";
import type { Block } from "./sections.js";
import { MAX_POINTS, type SpeechParagraph, type TopicSection } from "./summarize.js";
import { singleSpeakerTurn } from "./turns.js";
import { measure } from "./words.js";

/** `文丨程曼祺`, `编辑｜宋玮`, `允中 发自 凹非寺`, `By Jane Doe`: who wrote it, not what it says. */
const BYLINE =
  /^(?:作者|文|编辑|责编|主编|出品|来源|撰文|整理|翻译|编译|采访|记者|策划|摄影|图|口述)\s*[丨｜|:：/]|发自|^by\s/iu;
/** `(recorded 7/17/25)`: an aside in brackets. */
const ASIDE = /^[(（[【].*[)）\]】]$/u;

interface HeadingRun {
  text: string;
  line: number;
  depth: number;
  noise: boolean;
  topic: boolean;
}

/** Blocks that may sit between the parts of one heading: images, HTML, rules. */
function isFiller(node: RootContent): boolean {
  return (
    node.type === "html" ||
    node.type === "thematicBreak" ||
    (node.type === "paragraph" && (isImageOnly(node) || nodeText(node).trim() === ""))
  );
}

const ENDS_IN_CJK_PUNCTUATION = new RegExp(`${CJK_PUNCTUATION.source}$`, "u");

/** Heading lines joined by a space, or by nothing after CJK punctuation (`在大模型公司做产品，`). */
function joinHeading(before: string, after: string): string {
  return ENDS_IN_CJK_PUNCTUATION.test(before) ? `${before}${after}` : `${before} ${after}`;
}

/**
 * The headings, a heading set over several consecutive heading lines of one
 * depth joined (`01` / `在大模型公司做产品，` / `ToC、ToB、ToD 都要做`), each
 * marked a topic or not: not the title, a byline, an aside, a heading that
 * recurs (an account's banner), a noise section or a non-topic one.
 */
function headingRuns(blocks: readonly Block[], notATopic: RegExp): HeadingRun[] {
  const runs: HeadingRun[] = [];
  let open: HeadingRun | undefined;
  for (const block of blocks) {
    const { node } = block;
    if (node.type === "heading") {
      const text = nodeText(node);
      if (open !== undefined && open.depth === node.depth && !open.noise && !block.inNoiseSection) {
        open.text = joinHeading(open.text, text);
        continue;
      }
      open = {
        text,
        line: startLine(node),
        depth: node.depth,
        noise: block.inNoiseSection,
        topic: false,
      };
      runs.push(open);
    } else if (!isFiller(node)) open = undefined;
  }
  const seen = new Map<string, number>();
  for (const run of runs) seen.set(run.text, (seen.get(run.text) ?? 0) + 1);
  const title = runs.find((run) => run.depth === 1);
  for (const run of runs) {
    run.topic =
      run !== title &&
      !run.noise &&
      /[\p{L}]/u.test(run.text) &&
      !notATopic.test(run.text) &&
      !BYLINE.test(run.text) &&
      !ASIDE.test(run.text) &&
      (seen.get(run.text) ?? 0) < 2;
  }
  return runs;
}

function sizeOf(paragraphs: readonly SpeechParagraph[]): number {
  let size = 0;
  for (const paragraph of paragraphs) {
    const { cjk, words } = measure(paragraph.text);
    size += cjk + words;
  }
  return size;
}

/**
 * What was said: the turns' paragraphs; the body's paragraphs where there are
 * none, or where the turns hold under a third of the text (a talk with a short
 * labelled Q&A at its end), the turns' paragraphs keeping their speakers.
 */
function speechOf(blocks: readonly Block[], speech?: readonly SpeechParagraph[]) {
  const body: SpeechParagraph[] = (singleSpeakerTurn(blocks, "")[0]?.paragraphs ?? []).map(
    (paragraph) => ({ text: paragraph.text, line: paragraph.line }),
  );
  if (speech === undefined || speech.length === 0) return body;
  if (sizeOf(speech) * 3 >= sizeOf(body)) return [...speech];
  const said = new Set(speech.map((paragraph) => paragraph.line));
  return [...body.filter((paragraph) => !said.has(paragraph.line)), ...speech].sort(
    (a, b) => a.line - b.line,
  );
}

export interface TopicSections {
  sections: TopicSection[];
  /** True when the sections are the write-up's own, under its headings. */
  byHeadings: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The talk cut at its topic headings, when at least two headings have a fair
 * share of what was said under them and together hold most of it; else the
 * whole talk as one section, to be cut at its topic shifts.
 */
export function topicSections(
  blocks: readonly Block[],
  speech: readonly SpeechParagraph[] | undefined,
  notATopic: RegExp,
  maxPoints = MAX_POINTS,
): TopicSections {
  const said = speechOf(blocks, speech);
  const whole: TopicSections = { sections: [{ paragraphs: said }], byHeadings: false };
  const runs = headingRuns(blocks, notATopic);
  if (!runs.some((run) => run.topic)) return whole;
  const preamble: SpeechParagraph[] = [];
  const under = new Map<HeadingRun, SpeechParagraph[]>();
  let current: HeadingRun | undefined;
  let closed = false;
  let next = 0;
  for (const paragraph of said) {
    for (let run = runs[next]; run !== undefined && run.line < paragraph.line; run = runs[++next]) {
      if (run.topic) [current, closed] = [run, false];
      else if (
        current !== undefined &&
        run.depth <= current.depth &&
        (run.noise || notATopic.test(run.text))
      )
        closed = true;
    }
    if (closed) continue;
    if (current === undefined) preamble.push(paragraph);
    else {
      const list = under.get(current) ?? [];
      list.push(paragraph);
      under.set(current, list);
    }
  }
  const topics = runs.filter((run) => run.topic);
  const sizes = topics.map((run) => sizeOf(under.get(run) ?? []));
  const typical = median(sizes);
  const kept: HeadingRun[] = [];
  let headed = 0;
  topics.forEach((run, index) => {
    const size = sizes[index] ?? 0;
    if (typical === 0 || (size > 0 && size * 5 >= typical)) {
      kept.push(run);
      headed += size;
    }
  });
  const total = sizeOf(said);
  if (kept.length < 2 || headed * 5 < total * 3) return whole;
  const sections: TopicSection[] = kept.map((run) => ({
    heading: run.text,
    line: run.line,
    paragraphs: under.get(run) ?? [],
  }));
  // What comes before the first heading is a topic of its own only when it is as long as one.
  if (typical > 0 && sizeOf(preamble) >= typical && sections.length < maxPoints)
    sections.unshift({ paragraphs: preamble });
  return { sections, byHeadings: true };
}
