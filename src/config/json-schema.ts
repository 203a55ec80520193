/**
 * The front matter as a JSON Schema, for editors (the YAML language server
 * gives completion, hover text and checking from it). Generated from the zod
 * schema that validates the front matter, so the two cannot drift apart; what
 * zod cannot say (a card size is a preset or `WIDTHxHEIGHT`, other tools' keys
 * are welcome at the top level) is added here.
 */
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../paths.js";
import { builtInThemes } from "../theme/tokens.js";
import { specInputSchema } from "./schema.js";
import { cardSizePresets } from "./sizes.js";

type JsonSchema = { [key: string]: unknown };

/** What each key does, shown by editors on hover. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  source:
    "In a spec file (`talk.talkdeck.md`): the talk write-up it applies to, relative to this file.",
  title: "The talk's title; read from the write-up's first heading when absent.",
  subtitle: "A line under the title on the title slide.",
  author: "Who wrote the write-up: a name, a list, or `{ name }` objects.",
  date: "When the talk was given, e.g. 2024-10-01.",
  place: "Where the talk was given.",
  theme: `A built-in theme (${Object.keys(builtInThemes).join(", ")}) or a theme tokens file (YAML or JSON) relative to this file.`,
  brand: "A brand colour as #rrggbb: the theme's accent.",
  lang: "The talk's language (zh, en, …) when detection gets it wrong.",
  deck: "What goes on the slides.",
  "deck.points": "Summary points on slides: `all`, `none` or their numbers, e.g. [1, 2, 5].",
  "deck.quotes":
    "Quote slides: `auto`, `none`, `{ auto: N }`, or a list of quote ids (`talkdeck quotes FILE` lists them), fragments of a sentence the speaker says, or `{ text, by }` for a quote the write-up only paraphrases.",
  "deck.speakerNotes":
    "Presenter notes: the turn a quote comes from, the quotes related to a point.",
  "deck.formats": "Exports made when a browser is installed: pdf, pptx, png (slide images).",
  cards: "The quote cards (PNG images for social media).",
  "cards.quotes":
    "Quotes on cards: `auto` (the deck's), `none`, `{ auto: N }` or a list, as for deck.quotes.",
  "cards.sizes": `Card sizes: presets (${Object.keys(cardSizePresets).join(", ")}) or WIDTHxHEIGHT, 200–4096 px a side.`,
  "cards.layout":
    "The card template: classic, statement, or your own templates/cards/NAME.html.hbs.",
  "cards.handle": "Your handle on the cards, e.g. @talkdeck.",
  "cards.logo": "A local logo image (PNG, JPEG or SVG) for the cards, relative to this file.",
  "cards.carousel":
    "Also make a carousel (cover, points, quotes, closing) in this shape, with a PDF for document posts.",
  output: "The output folder, inside this file's folder (default: out/ in the working directory).",
  speakers:
    "The people who speak: names, `{ name, aliases }`, or a map of the labels the write-up uses to full names.",
  event: "A short name of the event for the cards' source line, e.g. OpenAI DevDay 2024.",
  cover: "A local image for the title slide, inside this file's folder.",
};

/** Keys talkdeck reads leniently because other tools write them too (config/foreign.ts). */
const LENIENT_KEYS: Readonly<Record<string, JsonSchema>> = {
  event: { type: "string", minLength: 1, maxLength: 80 },
  cover: {
    anyOf: [
      { type: "string", minLength: 1 },
      { type: "object", properties: { image: { type: "string" } }, required: ["image"] },
    ],
  },
};

const isObject = (value: unknown): value is JsonSchema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function describe(properties: unknown, prefix: string): void {
  if (!isObject(properties)) return;
  for (const [key, property] of Object.entries(properties)) {
    if (!isObject(property)) continue;
    const description = DESCRIPTIONS[`${prefix}${key}`];
    if (description !== undefined) property.description = description;
    describe(property.properties, `${prefix}${key}.`);
  }
}

export function frontMatterJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(specInputSchema, { io: "input" }) as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema>;
  Object.assign(properties, LENIENT_KEYS);
  const cards = properties.cards?.properties as Record<string, JsonSchema> | undefined;
  if (cards?.sizes !== undefined)
    cards.sizes.items = {
      anyOf: [
        { type: "string", enum: Object.keys(cardSizePresets) },
        { type: "string", pattern: "^\\d{3,4}x\\d{3,4}$" },
      ],
    };
  describe(properties, "");
  return {
    $schema: schema.$schema,
    title: "talkdeck front matter",
    description:
      "The front matter of a talk write-up or spec file for talkdeck. Keys of other tools (Hugo, Jekyll, podcast feeds) are allowed beside talkdeck's own; misspelt talkdeck keys under deck: and cards: are errors.",
    ...schema,
    // Front matter is shared with other tools: their keys are not talkdeck's to reject.
    additionalProperties: true,
  };
}

/** Where the package ships the schema: `node_modules/talkdeck/schema/talkdeck.schema.json`. */
export const SCHEMA_FILE = join(packageRoot, "schema", "talkdeck.schema.json");

export const schemaText = (): string => `${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`;
