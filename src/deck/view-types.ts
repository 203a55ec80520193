// The data the deck template sees, and the labels of its fixed words in each language.

/** Local files the deck refers to, written next to deck.md. */
export interface DeckExtras {
  /** `qr.svg` when the talk has a source link. */
  qr?: string;
  /** The cover image's file name next to deck.md: the user's local one, or one fetched with `--allow-remote`. */
  cover?: string;
  /** The Markdown body of a spec file: the user's own slides, not escaped. */
  userSlides?: string;
}

export interface PointSlide {
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
export interface ListSlide<T> {
  heading: string;
  continued: boolean;
  items: T[];
}

export interface Bio {
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
