import type { Selection } from "../select.js";
import type { Point, Quote, Talk } from "../talk/model.js";
import { readingLength, splitSentences } from "../talk/text.js";
import { marpThemeCss } from "../theme/marp-css.js";
import {
  displayUrl,
  escapeMarkdown,
  escapeNote,
  escapeYamlString,
  markdownLink,
} from "./escape.js";
import { relatedQuotes } from "./related.js";

/** Local files the deck refers to, written next to deck.md. */
export interface DeckExtras {
  /** `qr.svg` when the talk has a source link. */
  qr?: string;
  /** The cover image's local file name, when it was fetched (`--allow-remote`). */
  cover?: string;
  /** The Markdown body of a spec file: the user's own slides, not escaped. */
  userSlides?: string;
}

interface PointSlide {
  n: number;
  lead: string;
  body: string;
  /** Smaller type for a long body. */
  long: boolean;
  continued: boolean;
  notes: string;
}

/**
 * The data the deck template sees. Every string from the talk is already
 * escaped for where it lands (Markdown text, YAML value, presenter note), so
 * the template is compiled with `noEscape` and cannot forget to escape.
 */
export interface DeckView {
  yaml: { title: string; lang: string };
  /** The theme's CSS, indented for a YAML block scalar. Trusted: it comes from theme tokens. */
  style: string;
  title: string;
  subtitle: string;
  speakers: string;
  dateLine: string;
  sourceShort: string;
  source: string;
  agenda: Array<{ n: number; lead: string }>;
  points: PointSlide[];
  quotes: Array<{
    id: string;
    text: string;
    speaker: string;
    speakerTitle: string;
    long: boolean;
    notes: string;
  }>;
  bios: Array<{ name: string; title: string; bio: string }>;
  speakerNotes: boolean;
  labels: { agenda: string; thanks: string; speakers: string; continued: string };
  qr: string;
  cover: string;
  /** Trusted Markdown from the user's spec file. */
  userSlides: string;
}

const LABELS = {
  zh: {
    agenda: "内容提要",
    source: "原文",
    original: "原始视频",
    thanks: "谢谢",
    speakers: "嘉宾",
    continued: "（续）",
    related: "相关引语",
  },
  en: {
    agenda: "Key points",
    source: "Source",
    original: "Recording",
    thanks: "Thank you",
    speakers: "Speakers",
    continued: " (continued)",
    related: "Related quotes",
  },
} as const;

export function labelsFor(lang: string): (typeof LABELS)[keyof typeof LABELS] {
  return lang.split("-")[0] === "zh" ? LABELS.zh : LABELS.en;
}

/** A body this long (reading units) gets smaller type; past twice that it goes on to a second slide. */
const LONG_BODY = 150;

/** Splits a long body at sentence ends into parts that each fit a slide. */
function splitBody(body: string): string[] {
  if (readingLength(body) <= LONG_BODY * 2) return [body];
  const parts: string[] = [""];
  for (const sentence of splitSentences(body)) {
    const last = parts.length - 1;
    const current = parts[last] ?? "";
    if (current !== "" && readingLength(current + sentence) > LONG_BODY * 1.6) parts.push(sentence);
    else
      parts[last] =
        current === ""
          ? sentence
          : `${current}${/[\p{Script=Han}。！？]$/u.test(current) ? "" : " "}${sentence}`;
  }
  return parts;
}

/** The turn a quote comes from, for the presenter: what was said around it. */
function quoteNotes(talk: Talk, quote: Quote): string {
  const turn = talk.turns[quote.turn];
  if (turn === undefined) return "";
  return escapeNote(`${turn.speaker}: ${turn.paragraphs.join("\n\n")}`);
}

/** A point's notes: the quotes of the talk that speak to it. */
function pointNotes(point: Point, talk: Talk, heading: string): string {
  const related = relatedQuotes(point, talk);
  if (related.length === 0) return "";
  return escapeNote(
    [heading, ...related.map((quote) => `- ${quote.speaker}: ${quote.text}`)].join("\n"),
  );
}

function pointSlides(selection: Selection, labels: ReturnType<typeof labelsFor>): PointSlide[] {
  return selection.points.flatMap((point) => {
    const notes = pointNotes(point, selection.talk, labels.related);
    return splitBody(point.body).map((body, index) => ({
      n: point.n,
      lead: escapeMarkdown(index === 0 ? point.lead : `${point.lead}${labels.continued}`),
      body: escapeMarkdown(body),
      long: readingLength(body) > LONG_BODY,
      continued: index > 0,
      notes,
    }));
  });
}

export function deckView(selection: Selection, extras: DeckExtras = {}): DeckView {
  const { meta, talk } = selection;
  const labels = labelsFor(meta.lang);
  const speakers = talk.speakers.filter((speaker) => speaker.role === "speaker");
  const titleOf = (name: string) => speakers.find((speaker) => speaker.name === name)?.title ?? "";
  const dateLine = [meta.date, meta.place, meta.author].filter(
    (part) => part !== undefined && part !== "",
  );
  const sourceLinks = [
    meta.sourceUrl === undefined
      ? undefined
      : `${escapeMarkdown(labels.source)}: ${markdownLink(displayUrl(meta.sourceUrl), meta.sourceUrl)}`,
    meta.originalUrl === undefined
      ? undefined
      : `${escapeMarkdown(labels.original)}: ${markdownLink(displayUrl(meta.originalUrl), meta.originalUrl)}`,
  ].filter((line) => line !== undefined);
  return {
    yaml: { title: escapeYamlString(meta.title), lang: escapeYamlString(meta.lang) },
    style: marpThemeCss(selection.theme)
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
    title: escapeMarkdown(meta.title),
    subtitle: meta.subtitle === undefined ? "" : escapeMarkdown(meta.subtitle),
    speakers: escapeMarkdown(speakers.map((speaker) => speaker.name).join(" · ")),
    dateLine: escapeMarkdown(dateLine.join(" · ")),
    sourceShort:
      meta.sourceUrl === undefined
        ? ""
        : markdownLink(displayUrl(meta.sourceUrl, 40), meta.sourceUrl),
    source: sourceLinks.join("\n\n"),
    agenda: selection.points.map((point) => ({ n: point.n, lead: escapeMarkdown(point.lead) })),
    points: pointSlides(selection, labels),
    quotes: selection.deckQuotes.map((quote) => ({
      id: quote.id,
      text: escapeMarkdown(quote.text),
      speaker: escapeMarkdown(quote.speaker),
      speakerTitle: escapeMarkdown(titleOf(quote.speaker)),
      long: readingLength(quote.text) > 70,
      notes: quoteNotes(talk, quote),
    })),
    bios: speakers
      .filter((speaker) => speaker.bio !== undefined)
      .map((speaker) => ({
        name: escapeMarkdown(speaker.name),
        title: escapeMarkdown(speaker.title ?? ""),
        bio: escapeMarkdown(speaker.bio ?? ""),
      })),
    speakerNotes: selection.speakerNotes,
    labels: {
      agenda: escapeMarkdown(labels.agenda),
      thanks: escapeMarkdown(labels.thanks),
      speakers: escapeMarkdown(labels.speakers),
      continued: escapeMarkdown(labels.continued),
    },
    qr: extras.qr ?? "",
    cover: extras.cover ?? "",
    userSlides: extras.userSlides?.trim() ?? "",
  };
}
