import type { Selection } from "../select.js";
import { marpThemeCss } from "../theme/marp-css.js";
import { escapeMarkdown, escapeYamlString } from "./escape.js";
import { escapeWithBreaks } from "./phrase-breaks.js";
import {
  agendaView,
  pointSlides,
  quoteSlides,
  speakerView,
  titleSlideView,
} from "./view-slides.js";
import type { DeckExtras, DeckView } from "./view-types.js";
import { labelsFor } from "./view-types.js";

export type { DeckExtras, DeckView } from "./view-types.js";

export function deckView(selection: Selection, extras: DeckExtras = {}): DeckView {
  const { meta, talk } = selection;
  const labels = labelsFor(meta.lang);
  const text = (value: string) => escapeWithBreaks(value, meta.lang);
  const speakers = talk.speakers.filter((speaker) => speaker.role === "speaker");
  return {
    yaml: { title: escapeYamlString(meta.title), lang: escapeYamlString(meta.lang) },
    style: marpThemeCss(selection.config.theme)
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n"),
    ...titleSlideView(selection, speakers, extras, labels, text),
    ...agendaView(selection, labels, text),
    points: pointSlides(selection, labels, text),
    quotes: quoteSlides(selection, speakers, text),
    ...speakerView(speakers, labels, text),
    speakerNotes: selection.config.deck.speakerNotes,
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
