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
  source: string;
  points: Array<{ n: number; lead: string; body: string }>;
  quotes: Array<{ id: string; text: string; speaker: string; notes: string }>;
  speakerNotes: boolean;
  labels: { agenda: string; thanks: string };
}

const LABELS: Record<string, { agenda: string; source: string; original: string; thanks: string }> =
  {
    zh: { agenda: "内容提要", source: "原文", original: "原始视频", thanks: "谢谢" },
    en: { agenda: "Key points", source: "Source", original: "Recording", thanks: "Thank you" },
  };

export function labelsFor(lang: string) {
  return LABELS[lang.split("-")[0] ?? "en"] ?? (LABELS.en as NonNullable<(typeof LABELS)["en"]>);
}

/** The turn a quote comes from, for the presenter: what was said around it. */
function quoteNotes(talk: Talk, quote: Quote): string {
  const turn = talk.turns[quote.turn];
  if (turn === undefined) return "";
  return escapeNote(`${turn.speaker}: ${turn.paragraphs.join("\n\n")}`);
}

export function deckView(selection: Selection): DeckView {
  const { meta, talk } = selection;
  const labels = labelsFor(meta.lang);
  const speakerNames = talk.speakers
    .filter((speaker) => speaker.role === "speaker")
    .map((speaker) => speaker.name);
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
    speakers: escapeMarkdown(speakerNames.join(" · ")),
    dateLine: escapeMarkdown(dateLine.join(" · ")),
    source: sourceLinks.join("\n\n"),
    points: selection.points.map((point) => ({
      n: point.n,
      lead: escapeMarkdown(point.lead),
      body: escapeMarkdown(point.body),
    })),
    quotes: selection.deckQuotes.map((quote) => ({
      id: quote.id,
      text: escapeMarkdown(quote.text),
      speaker: escapeMarkdown(quote.speaker),
      notes: quoteNotes(talk, quote),
    })),
    speakerNotes: selection.speakerNotes,
    labels: { agenda: escapeMarkdown(labels.agenda), thanks: escapeMarkdown(labels.thanks) },
  };
}
