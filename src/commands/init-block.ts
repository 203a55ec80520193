/**
 * The front matter `talkdeck init` writes for a write-up: talkdeck's keys with
 * what it detected (title, speakers, points, the best quotes) as comments, so
 * the user sees what the parser read and edits only what is wrong. The block
 * builds as it is: its values are the defaults made explicit.
 */
import type { Talk } from "../talk/model.js";

/** Quote ids written as the deck's quotes; the next few are listed in comments. */
const CHOSEN_QUOTES = 6;
const LISTED_QUOTES = 10;

/**
 * Text from the write-up on one comment line: a line break would end the
 * comment and make the rest YAML, so every control character and run of white
 * space becomes one space; long text is cut with an ellipsis.
 */
export function commentText(text: string, max = 36): string {
  const flat = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, " ")
    .replace(/\*\*/g, "")
    .trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("")}…`;
}

function speakerLine(talk: Talk): string | undefined {
  const speakers = talk.speakers.filter((speaker) => speaker.role === "speaker");
  if (speakers.length === 0) return undefined;
  const guests = speakers.filter((speaker) => speaker.host !== true).map((s) => s.name);
  const hosts = speakers.filter((speaker) => speaker.host === true).map((s) => s.name);
  return commentText(
    [guests.join(", "), hosts.length > 0 ? `host: ${hosts.join(", ")}` : ""]
      .filter((part) => part !== "")
      .join("; "),
    80,
  );
}

/** The YAML lines (no fences) for a talk as talkdeck read it; `date` stamps the comment. */
export function initBlock(talk: Talk, file: string, date: string): string[] {
  const speakers = speakerLine(talk);
  const pointsNote =
    talk.points.length === 0
      ? "no summary points found"
      : talk.pointsFrom === "derived"
        ? `${talk.points.length} points talkdeck derived (the write-up has no summary list):`
        : `${talk.points.length} summary points:`;
  const quotes = talk.quotes.slice(0, LISTED_QUOTES);
  const chosen = quotes.slice(0, CHOSEN_QUOTES);
  const more = quotes.slice(CHOSEN_QUOTES);
  return [
    `# talkdeck settings, written by \`talkdeck init\` on ${date}. What it read from the write-up:`,
    `#   title: ${commentText(talk.meta.title, 80)}`,
    ...(speakers === undefined
      ? ["#   speakers: none found (name them with `speakers:`)"]
      : [`#   speakers: ${speakers}`]),
    `#   ${pointsNote}`,
    ...talk.points.map((point) => `#     ${point.n}. ${commentText(point.lead)}`),
    `# \`talkdeck build ${commentText(file, 80)}\` renders the deck and the cards.`,
    'theme: midnight            # midnight, paper or brand (with brand: "#rrggbb")',
    "deck:",
    "  points: all              # or the numbers above, e.g. [1, 2, 5]",
    ...(chosen.length === 0
      ? ["  quotes: auto             # no quote candidates found"]
      : [
          "  quotes:                  # the best candidates; `talkdeck quotes` lists them all",
          ...chosen.map(
            (quote) => `    - ${quote.id}  # ${commentText(`${quote.speaker}: ${quote.text}`)}`,
          ),
          ...(more.length === 0 ? [] : ["    # more candidates:"]),
          ...more.map(
            (quote) => `    # - ${quote.id}  # ${commentText(`${quote.speaker}: ${quote.text}`)}`,
          ),
        ]),
    "cards:",
    "  quotes: auto             # the deck's quotes",
    "  sizes: [square]          # portrait, tall, story, landscape, link, or WIDTHxHEIGHT",
  ];
}
