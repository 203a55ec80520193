/** The parsed talk: what the write-up says, independent of how it will be shown. */

export interface TalkMeta {
  title: string;
  subtitle?: string;
  author?: string;
  /** ISO date, `YYYY-MM-DD`. */
  date?: string;
  /** `HH:MM`, where the header gives one. */
  time?: string;
  place?: string;
  /** The event's short name (`OpenAI DevDay 2024`), from the front matter. */
  event?: string;
  /** Where the write-up was published (http or https only). */
  sourceUrl?: string;
  /** Where the talk itself can be watched or heard, if the text links it. */
  originalUrl?: string;
  coverUrl?: string;
  /** BCP 47 primary language: `zh`, `en`, … */
  lang: string;
}

export interface Point {
  /** 1-based position in the summary, as printed. */
  n: number;
  lead: string;
  body: string;
  line: number;
}

export type SpeakerRole = "speaker" | "audience";

export interface Speaker {
  name: string;
  aliases: string[];
  bio?: string;
  /** Job title read from the bio, e.g. `OpenAI首席执行官`, `CEO of Acme`. */
  title?: string;
  role: SpeakerRole;
  /**
   * The interviewer or host: labelled by a role (`主持人`, `Host`, `Q`) or by
   * the programme (`《晚点》`), not named by a title that names the guests, or
   * asking most of the questions. Nobody is host in a single-speaker talk.
   * Hosts' turns are context, not quotes. The parser always sets it;
   * optional so hand-built speakers (tests, front matter) may leave it out.
   */
  host?: boolean;
}

export interface Turn {
  /** The speaker's canonical name (a `Speaker.name` of `Talk.speakers`), not an index. */
  speaker: string;
  paragraphs: string[];
  /** 1-based line of the turn's label (or first paragraph) in the source file. */
  line: number;
}

export interface Quote {
  /** Stable id derived from the text: `q-3f2a`. */
  id: string;
  text: string;
  speaker: string;
  /** Index into `Talk.turns`. */
  turn: number;
  line: number;
  score: number;
  /** Human-readable reasons behind the score: each feature's contribution, largest first. */
  why: string[];
  /** The ranker's features, each in [0, 1] (src/talk/rank/features.ts), for `npm run fit`. */
  features?: Record<string, number>;
}

/** Where the deck's points came from: the write-up's own summary, or derived from the talk. */
export type PointsSource = "summary" | "derived";

export interface Talk {
  /** The file name the text came from, for messages. */
  file: string;
  meta: TalkMeta;
  points: Point[];
  /** `summary` when the write-up has a summary list (or chapters), `derived` when talkdeck summarised the talk. */
  pointsFrom: PointsSource;
  speakers: Speaker[];
  turns: Turn[];
  /** Ranked best first. */
  quotes: Quote[];
  /** What the parser had to guess or could not find, said to the user on stderr. */
  notes: string[];
}

/** What the front matter tells the parser about the talk. */
export interface TalkHints {
  /** Speakers by full name, with the short names the text may use. */
  speakers?: Array<{ name: string; aliases: string[] }>;
  /** A clipper's or podcast's description, which may hold the summary (`We discuss: 1. … 2. …`). */
  description?: string;
  /** The title the front matter gives (`title:`), used where the text has none. */
  title?: string;
}
