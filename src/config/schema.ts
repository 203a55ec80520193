import { z } from "zod";
import { HEX_COLOR } from "../theme/color.js";
import { CARD_SIDE, cardSizePresets, parseCustomSize, toCardSize } from "./sizes.js";

/** A quote the write-up only paraphrases, in the speaker's name: `{ text: "…", by: Annie Duke }`. */
export const paraphraseSchema = z
  .object({
    text: z.string().trim().min(1).max(400),
    by: z.string().trim().min(1).max(80),
  })
  .strict();

/** `[q-3f2a, "科学决定", { text: "…", by: Name }]`, `auto`, or `{ auto: 6 }`. */
const quoteSelector = z.union([
  z.literal("auto"),
  z.literal("none"),
  z.object({ auto: z.number().int().min(1).max(200) }).strict(),
  z.array(z.union([z.string().trim().min(1), paraphraseSchema])).min(1),
]);

/**
 * A preset, or `WIDTHxHEIGHT` with 200–4096 px a side: smaller cannot hold a
 * quote and its attribution, larger costs gigabytes a thread to draw
 * (9999×9999 took 1.75 GB). One check with one message, so that the error
 * says which rule the value broke.
 */
export const cardSizeName = z.string().superRefine((name, context) => {
  if (Object.hasOwn(cardSizePresets, name)) return;
  if (!/^\d{3,4}x\d{3,4}$/.test(name)) {
    context.addIssue({
      code: "custom",
      message: `\`${name}\` is not a preset name or WIDTHxHEIGHT such as 1080x1080`,
    });
  } else if (parseCustomSize(name).some((side) => side < CARD_SIDE.min || side > CARD_SIDE.max)) {
    context.addIssue({
      code: "custom",
      message: `\`${name}\`: each side of a card must be ${CARD_SIDE.min}–${CARD_SIDE.max} px`,
    });
  }
});

/**
 * A size written twice (`[square, square]`, or `[square, 1080x1080]`) is an
 * error at the second: the cards would be drawn twice, under two names or
 * with duplicate manifest entries, and a duplicate is more likely a slip
 * (another size meant) than a wish.
 */
const cardSizeList = z
  .array(cardSizeName)
  .min(1)
  .superRefine((names, context) => {
    const seen = new Map<string, string>();
    names.forEach((name, index) => {
      const { width, height } = toCardSize(name);
      const earlier = seen.get(`${width}x${height}`);
      if (earlier === undefined) seen.set(`${width}x${height}`, name);
      else
        context.addIssue({
          code: "custom",
          path: [index],
          message: `\`${name}\` is the same size as \`${earlier}\` (${width}×${height}), already in the list`,
        });
    });
  });

export const deckConfigSchema = z
  .object({
    points: z.union([z.literal("all"), z.literal("none"), z.array(z.number().int().min(1)).min(1)]),
    quotes: quoteSelector,
    speakerNotes: z.boolean(),
    formats: z.array(z.enum(["pdf", "pptx", "png"])),
  })
  .partial()
  .strict();

export const cardsConfigSchema = z
  .object({
    quotes: quoteSelector,
    sizes: cardSizeList,
    layout: z.string().regex(/^[a-z][a-z0-9-]*$/, "a layout name such as classic or statement"),
    handle: z.string().trim().min(1).max(60),
    logo: z.string().min(1),
    /** A carousel of images (cover, points, quotes, closing) in this shape, besides the cards. */
    carousel: z.enum(["portrait", "tall", "square"]),
  })
  .partial()
  .strict();

/** `[萨姆·奥特曼, { name: Kevin Weil, aliases: [Kevin] }]`, or a map of short name → full name. */
const speakersSchema = z.union([
  z
    .array(
      z.union([
        z.string().trim().min(1),
        z
          .object({
            name: z.string().trim().min(1),
            aliases: z.array(z.string().trim().min(1)).optional(),
          })
          .strict(),
      ]),
    )
    .min(1),
  z.record(z.string().trim().min(1), z.string().trim().min(1)),
]);

/** `{ name: Paul Krugman, url: … }`: what Hugo, Astro and podcast feeds write for a person. */
const personObject = z.object({ name: z.string().trim().min(1) }).loose();

/**
 * `author: Jane Doe`, `author: [Jane Doe, "[[Paul Krugman]]"]` (an Obsidian
 * clipper's wiki link) or `author: { name: Jane Doe }`: talkdeck's key,
 * written by other tools in all these shapes.
 */
export const peopleSchema = z.union([
  z.string().trim().min(1),
  personObject,
  z.array(z.union([z.string().trim().min(1), personObject])).min(1),
]);

/**
 * talkdeck's own keys, strictly checked. A file may carry other tools' keys
 * beside them: config/foreign.ts sorts those out before this schema sees the data.
 */
export const specInputSchema = z
  .object({
    source: z.string().min(1),
    title: z.string().trim().min(1),
    subtitle: z.string().trim().min(1),
    author: peopleSchema,
    date: z.string().trim().min(1),
    place: z.string().trim().min(1),
    theme: z.string().min(1),
    brand: z.string().regex(HEX_COLOR, "a brand colour as #rrggbb"),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as zh, en or zh-Hans"),
    deck: deckConfigSchema,
    cards: cardsConfigSchema,
    output: z.string().min(1),
    speakers: speakersSchema,
  })
  .partial()
  .strict();

export type ConfigInput = z.infer<typeof specInputSchema>;
export type QuoteSelectorInput = z.infer<typeof quoteSelector>;
export type PeopleInput = z.infer<typeof peopleSchema>;

/** Keys allowed at each level (`[]`: in a list's entries), for "did you mean" suggestions. */
export const knownKeys: Readonly<Record<string, readonly string[]>> = {
  "": Object.keys(specInputSchema.shape),
  deck: Object.keys(deckConfigSchema.shape),
  cards: Object.keys(cardsConfigSchema.shape),
  "deck.quotes": ["auto"],
  "cards.quotes": ["auto"],
  "deck.quotes[]": Object.keys(paraphraseSchema.shape),
  "cards.quotes[]": Object.keys(paraphraseSchema.shape),
  "speakers[]": ["name", "aliases"],
};
