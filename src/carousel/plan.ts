import { altText } from "../cards/alt-text.js";
import { type Segment, segmentText } from "../cards/phrases.js";
import type { CardSize } from "../config/model.js";
import type { Selection } from "../select.js";
import type { Point, Quote } from "../talk/model.js";
import { type CarouselLabels, carouselLabels } from "./labels.js";
import { carouselLayout, type SlideKind } from "./layout.js";
import { shortenAtSentences, shortenText, splitTitle } from "./shorten.js";

/** Text a template draws, with the places its lines may break (BudouX phrases for CJK). */
export interface TextBlock {
  text: string;
  segments: Segment[];
}

/** One image of the carousel, before drawing: what its template shows and its alt text. */
export interface SlidePlan {
  kind: SlideKind;
  /** The template's data, besides what every slide gets (size, theme, fonts, page). */
  view: Record<string, unknown>;
  /** Every text the image shows: the fonts must cover them. */
  shown: string[];
  alt: string;
  /** `quote q-3f2a`: which image a message is about. */
  what: string;
}

/** A QR code ready for an `<img>`. */
export interface QrImage {
  url: string;
  dataUri: string;
}

interface PlanContext {
  selection: Selection;
  /** The social handle the images show (`cards.handle`), if any. */
  handle: string | undefined;
  size: CardSize;
  labels: CarouselLabels;
  lang: string;
  /** Ems a line of body text holds at its full size. */
  lineEms: (fontSize: number) => number;
}

function block(text: string, lang: string): TextBlock {
  return { text, segments: segmentText(text, lang) };
}

/** `a. b`, without doubling a sentence's own full stop. */
function sentence(...parts: ReadonlyArray<string | undefined>): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim() !== "")
    .map((part) => part.trim())
    .reduce(
      (text, part) =>
        text === "" ? part : `${text}${/[.!?。！？…]$/u.test(text) ? "" : "."} ${part}`,
      "",
    );
}

/** The event's name, else the title's short form: what the talk is, in a few words. */
export function sourceName(selection: Selection): string {
  return selection.meta.event ?? splitTitle(selection.meta.title).main;
}

/** `mp.weixin.qq.com`: the source link's host, for a reader who cannot scan. */
export function sourceHost(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).host.replace(/^www\./u, "");
  } catch {
    return undefined;
  }
}

function cover({ selection, handle, labels, lang, lineEms }: PlanContext): SlidePlan {
  const { meta, talk } = selection;
  const { main, rest } = splitTitle(meta.title);
  // Past about seven lines at the smallest size a title is a paragraph: the cover shows its start.
  const title = shortenText(main, lineEms(42) * 6);
  const subtitle = rest === undefined ? undefined : shortenText(rest, lineEms(42) * 3);
  const speakers = talk.speakers
    .filter((speaker) => speaker.role === "speaker")
    .map((speaker) => ({ name: speaker.name, title: speaker.title }));
  const dateLine = [meta.date, meta.place].filter((part) => part !== undefined && part !== "");
  const label = meta.event ?? "";
  return {
    kind: "cover",
    view: {
      label,
      title: block(title, lang),
      subtitle: subtitle === undefined ? undefined : block(subtitle, lang),
      speakers,
      dateLine: dateLine.join(" · "),
      handle,
      swipe: labels.swipe,
    },
    shown: [
      label,
      title,
      subtitle ?? "",
      ...speakers.flatMap((speaker) => [speaker.name, speaker.title ?? ""]),
      dateLine.join(" · "),
      handle ?? "",
      labels.swipe,
    ],
    alt: sentence(
      `Cover: ${title}${subtitle === undefined ? "" : ` — ${subtitle}`}`,
      speakers.map((speaker) => speaker.name).join(", "),
      dateLine.join(", "),
    ),
    what: "the cover",
  };
}

function point(context: PlanContext, item: Point, index: number, count: number): SlidePlan {
  const { selection, handle, size, labels, lang, lineEms } = context;
  const layout = carouselLayout(size);
  // Lines the body has room for below the lead at full size: a few short lines read better than a wall.
  const lines = Math.min(
    6,
    Math.max(3, Math.floor((size.height - 720 * layout.unit) / (63 * layout.unit))),
  );
  const body = shortenAtSentences(item.body, lineEms(42) * lines);
  const lead = shortenText(item.lead, lineEms(64) * 3);
  const numeral = String(index + 1).padStart(2, "0");
  const source = sourceName(selection);
  return {
    kind: "point",
    view: {
      label: labels.point,
      numeral,
      lead: block(lead, lang),
      body: body === "" ? undefined : block(body, lang),
      source: block(source, lang),
      handle,
    },
    shown: [labels.point, numeral, lead, body, source, handle ?? ""],
    alt: sentence(`Key point ${index + 1} of ${count}: ${lead}`, body),
    what: `point ${item.n}`,
  };
}

function quote(context: PlanContext, item: Quote): SlidePlan {
  const { selection, handle, labels, lang } = context;
  const title = selection.talk.speakers.find((speaker) => speaker.name === item.speaker)?.title;
  const source = sourceName(selection);
  return {
    kind: "quote",
    view: {
      label: labels.quote,
      quote: { id: item.id, ...block(item.text, lang) },
      speaker: item.speaker,
      speakerTitle: title,
      source: block(source, lang),
      handle,
    },
    shown: [labels.quote, item.text, item.speaker, title ?? "", source, handle ?? ""],
    alt: altText(item),
    what: `quote ${item.id}`,
  };
}

function closing(
  { selection, handle, labels, lang, lineEms }: PlanContext,
  qr: QrImage | undefined,
): SlidePlan {
  const source = shortenText(sourceName(selection), lineEms(60) * 4);
  const host = sourceHost(selection.meta.sourceUrl);
  return {
    kind: "closing",
    view: {
      label: labels.source,
      source: block(source, lang),
      host,
      qr: qr?.dataUri,
      scan: labels.scan,
      follow: labels.follow,
      handle,
    },
    shown: [labels.source, source, host ?? "", labels.scan, labels.follow, handle ?? ""],
    alt: sentence(
      `Source: ${source}`,
      qr === undefined
        ? host === undefined
          ? undefined
          : `The write-up is at ${host}`
        : `A QR code links to the write-up${host === undefined ? "" : ` at ${host}`}`,
      handle === undefined ? undefined : `Follow ${handle}`,
    ),
    what: "the closing image",
  };
}

/**
 * The carousel's images in order: a cover, one per chosen point, one per
 * card quote, and a closing image with the source. Pure: the same selection
 * gives the same plans, so their hashes decide what to draw again.
 */
export function planCarousel(
  selection: Selection,
  size: CardSize,
  qr: QrImage | undefined,
): SlidePlan[] {
  const layout = carouselLayout(size);
  const lang = selection.meta.lang;
  const context: PlanContext = {
    selection,
    handle: selection.config.cards.handle,
    size,
    labels: carouselLabels(lang),
    lang,
    lineEms: (fontSize) => (size.width - 2 * layout.padding) / (fontSize * layout.unit),
  };
  const { points, cardQuotes } = selection;
  return [
    cover(context),
    ...points.map((item, index) => point(context, item, index, points.length)),
    ...cardQuotes.map((item) => quote(context, item)),
    closing(context, qr),
  ];
}
