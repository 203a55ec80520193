import type { Selection } from "../select.js";
import type { Quote, Talk } from "../talk/model.js";
import { marpThemeCss } from "../theme/marp-css.js";
import {
  displayUrl,
  escapeMarkdown,
  escapeNote,
  escapeYamlString,
  markdownLink,
} from "./escape.js";
import { longTitle, planAgenda, planPoint, planSpeakers, quoteSize, shortBio } from "./layout.js";
import { escapeWithBreaks } from "./phrase-breaks.js";
import { relatedQuoteFinder } from "./related.js";
import { CONTENT, QUOTE_SIZES, SLIDE } from "./type-scale.js";

/** Local files the deck refers to, written next to deck.md. */
export interface DeckExtras {
  /** `qr.svg` when the talk has a source link. */
  qr?: string;
  /** The cover image's file name next to deck.md: the user's local one, or one fetched with `--allow-remote`. */
  cover?: string;
  /** The Markdown body of a spec file: the user's own slides, not escaped. */
  userSlides?: string;
}

interface PointSlide {
  n: number;
  /** The heading: the point's lead, with the continued label on a continuation slide. */
  lead: string;
  /** The slide's body as Markdown: a paragraph, or bullets (`- …` lines). */
  body: string;
  bullets: string[];
  continued: boolean;
  notes: string;
}

/** One slide of a list cut over slides (agenda, speakers): its heading and items. */
interface ListSlide<T> {
  heading: string;
  continued: boolean;
  items: T[];
}

interface Bio {
  name: string;
  title: string;
  bio: string;
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
  /** `long` when the title takes the smaller title size. */
  titleClass: string;
  subtitle: string;
  speakers: string;
  dateLine: string;
  sourceShort: string;
  source: string;
  agenda: Array<{ n: number; lead: string }>;
  /** The agenda over as many slides as it needs at body size. */
  agendaSlides: Array<ListSlide<{ n: number; lead: string }>>;
  points: PointSlide[];
  quotes: Array<{
    id: string;
    text: string;
    speaker: string;
    speakerTitle: string;
    /** Font size in px (layout.ts): the largest the quote fits at. */
    size: number;
    long: boolean;
    notes: string;
  }>;
  bios: Bio[];
  /** The speakers and their (shortened) bios over as many slides as they need. */
  speakerSlides: Array<ListSlide<Bio>>;
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

/** The turn a quote comes from, for the presenter: what was said around it. */
function quoteNotes(talk: Talk, quote: Quote): string {
  const turn = talk.turns[quote.turn];
  if (turn === undefined) return "";
  return escapeNote(`${turn.speaker}: ${turn.paragraphs.join("\n\n")}`);
}

/** A point's notes: the quotes of the talk that speak to it. */
function pointNotes(related: Quote[], heading: string): string {
  if (related.length === 0) return "";
  return escapeNote(
    [heading, ...related.map((quote) => `- ${quote.speaker}: ${quote.text}`)].join("\n"),
  );
}

/** A point's slides: its lead as the heading, its body as bullets over as many slides as they need. */
function pointSlides(
  selection: Selection,
  labels: ReturnType<typeof labelsFor>,
  text: (value: string) => string,
): PointSlide[] {
  const relatedTo = relatedQuoteFinder(selection.talk);
  return selection.points.flatMap((point) => {
    const notes = pointNotes(relatedTo(point), labels.related);
    const continued = `${point.lead}${labels.continued}`;
    const slides = planPoint(point.lead, continued, point.body);
    return slides.map((bullets, index) => {
      const escaped = bullets.map(text);
      const body =
        slides.length === 1 && escaped.length === 1
          ? (escaped[0] ?? "")
          : escaped.map((bullet) => `- ${bullet}`).join("\n");
      return {
        n: point.n,
        lead: text(index === 0 ? point.lead : continued),
        body,
        bullets: escaped,
        continued: index > 0,
        notes,
      };
    });
  });
}

/** Headings of a list cut over slides: the continued label from the second on. */
function listSlides<T, U>(
  heading: string,
  continued: string,
  groups: T[][],
  item: (value: T) => U,
): Array<ListSlide<U>> {
  return groups.map((items, index) => ({
    heading: escapeMarkdown(index === 0 ? heading : `${heading}${continued}`),
    continued: index > 0,
    items: items.map(item),
  }));
}

/** The cover takes the right 38% of the title slide (the template's `bg right:38%`). */
const COVER_SHARE = 0.38;

export function deckView(selection: Selection, extras: DeckExtras = {}): DeckView {
  const { meta, talk } = selection;
  const labels = labelsFor(meta.lang);
  const text = (value: string) => escapeWithBreaks(value, meta.lang);
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
  const titleWidth = CONTENT.width - (extras.cover === undefined ? 0 : COVER_SHARE * SLIDE.width);
  const agenda = selection.points.map((point) => ({ n: point.n, lead: point.lead }));
  const bios = speakers
    .filter((speaker) => speaker.bio !== undefined)
    .map((speaker) => {
      const title = speaker.title ?? "";
      return {
        name: speaker.name,
        title,
        line: title === "" ? speaker.name : `${speaker.name} · ${title}`,
        bio: shortBio(speaker.bio ?? ""),
      };
    });
  const bio = (speaker: (typeof bios)[number]): Bio => ({
    name: text(speaker.name),
    title: text(speaker.title),
    bio: text(speaker.bio),
  });
  const agendaItem = (item: (typeof agenda)[number]) => ({ n: item.n, lead: text(item.lead) });
  return {
    yaml: { title: escapeYamlString(meta.title), lang: escapeYamlString(meta.lang) },
    style: marpThemeCss(selection.theme)
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
    title: text(meta.title),
    titleClass: longTitle(meta.title, titleWidth) ? "long" : "",
    subtitle: meta.subtitle === undefined ? "" : text(meta.subtitle),
    speakers: text(speakers.map((speaker) => speaker.name).join(" · ")),
    dateLine: text(dateLine.join(" · ")),
    sourceShort:
      meta.sourceUrl === undefined
        ? ""
        : markdownLink(displayUrl(meta.sourceUrl, 40), meta.sourceUrl),
    source: sourceLinks.join("\n\n"),
    agenda: agenda.map(agendaItem),
    agendaSlides: listSlides(
      labels.agenda,
      labels.continued,
      planAgenda(`${labels.agenda}${labels.continued}`, agenda),
      agendaItem,
    ),
    points: pointSlides(selection, labels, text),
    quotes: selection.deckQuotes.map((quote) => {
      const size = quoteSize(quote.text);
      return {
        id: quote.id,
        text: text(quote.text),
        speaker: text(quote.speaker),
        speakerTitle: text(titleOf(quote.speaker)),
        size,
        long: size < (QUOTE_SIZES[0] ?? size),
        notes: quoteNotes(talk, quote),
      };
    }),
    bios: bios.map(bio),
    speakerSlides: listSlides(
      labels.speakers,
      labels.continued,
      planSpeakers(`${labels.speakers}${labels.continued}`, bios),
      bio,
    ),
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
