import type { Selection } from "../select.js";
import type { Quote, Speaker, Talk } from "../talk/model.js";
import { displayUrl, escapeMarkdown, escapeNote, markdownLink } from "./escape.js";
import { longTitle, planAgenda, planPoint, planQuote, planSpeakers, shortBio } from "./layout.js";
import { relatedQuoteFinder } from "./related.js";
import { CONTENT, QUOTE_SIZES, SLIDE } from "./type-scale.js";
import type { Bio, DeckExtras, DeckView, ListSlide, labelsFor, PointSlide } from "./view-types.js";

// The deck view's parts, slide by slide; deckView (view.ts) puts them together.

/** The deck's labels in the talk's language. */
type Labels = ReturnType<typeof labelsFor>;

/** Escapes a string of the talk for Markdown, with the phrase breaks of its language. */
type EscapeText = (value: string) => string;

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
export function pointSlides(selection: Selection, labels: Labels, text: EscapeText): PointSlide[] {
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

/** The source links under the title: the write-up's and the recording's, each with its label. */
function sourceLinks(meta: Selection["meta"], labels: Labels): string[] {
  return [
    meta.sourceUrl === undefined
      ? undefined
      : `${escapeMarkdown(labels.source)}: ${markdownLink(displayUrl(meta.sourceUrl), meta.sourceUrl)}`,
    meta.originalUrl === undefined
      ? undefined
      : `${escapeMarkdown(labels.original)}: ${markdownLink(displayUrl(meta.originalUrl), meta.originalUrl)}`,
  ].filter((line) => line !== undefined);
}

/** The title slide: title (long or not beside the cover), subtitle, speakers, date line and sources. */
export function titleSlideView(
  selection: Selection,
  speakers: readonly Speaker[],
  extras: DeckExtras,
  labels: Labels,
  text: EscapeText,
): Pick<
  DeckView,
  "title" | "titleClass" | "subtitle" | "speakers" | "dateLine" | "sourceShort" | "source"
> {
  const { meta } = selection;
  const dateLine = [meta.date, meta.place, meta.author].filter(
    (part) => part !== undefined && part !== "",
  );
  const titleWidth = CONTENT.width - (extras.cover === undefined ? 0 : COVER_SHARE * SLIDE.width);
  return {
    title: text(meta.title),
    titleClass: longTitle(meta.title, titleWidth) ? "long" : "",
    subtitle: meta.subtitle === undefined ? "" : text(meta.subtitle),
    speakers: text(speakers.map((speaker) => speaker.name).join(" · ")),
    dateLine: text(dateLine.join(" · ")),
    sourceShort:
      meta.sourceUrl === undefined
        ? ""
        : markdownLink(displayUrl(meta.sourceUrl, 40), meta.sourceUrl),
    source: sourceLinks(meta, labels).join("\n\n"),
  };
}

/** The agenda: the points' leads, and the same over as many slides as they need. */
export function agendaView(
  selection: Selection,
  labels: Labels,
  text: EscapeText,
): Pick<DeckView, "agenda" | "agendaSlides"> {
  const agenda = selection.points.map((point) => ({ n: point.n, lead: point.lead }));
  const agendaItem = (item: (typeof agenda)[number]) => ({ n: item.n, lead: text(item.lead) });
  return {
    agenda: agenda.map(agendaItem),
    agendaSlides: listSlides(
      labels.agenda,
      labels.continued,
      planAgenda(`${labels.agenda}${labels.continued}`, agenda),
      agendaItem,
    ),
  };
}

/**
 * A slide for each of the deck's quotes, at the largest size it fits at,
 * with its turn as notes; a quote too long for one slide goes on over more.
 */
export function quoteSlides(
  selection: Selection,
  speakers: readonly Speaker[],
  text: EscapeText,
): DeckView["quotes"] {
  const titleOf = (name: string) => speakers.find((speaker) => speaker.name === name)?.title ?? "";
  return selection.deckQuotes.flatMap((quote) => {
    const { size, parts } = planQuote(quote.text);
    // The same on every slide of the quote: only the text differs.
    const slide = {
      id: quote.id,
      speaker: text(quote.speaker),
      speakerTitle: text(titleOf(quote.speaker)),
      size,
      long: size < (QUOTE_SIZES[0] ?? size),
      notes: quoteNotes(selection.talk, quote),
    };
    return parts.map((part) => ({ ...slide, text: text(part) }));
  });
}

/** The speakers with a bio: their bios shortened, and the same over as many slides as they need. */
export function speakerView(
  speakers: readonly Speaker[],
  labels: Labels,
  text: EscapeText,
): Pick<DeckView, "bios" | "speakerSlides"> {
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
  return {
    bios: bios.map(bio),
    speakerSlides: listSlides(
      labels.speakers,
      labels.continued,
      planSpeakers(`${labels.speakers}${labels.continued}`, bios),
      bio,
    ),
  };
}
