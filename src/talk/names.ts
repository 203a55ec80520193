import { nodeText } from "./markdown.js";
import type { Block } from "./sections.js";

/** A speaker the front matter names, with other names the text may use for them. */
export interface SpeakerHint {
  name: string;
  aliases: string[];
}

/** `萨姆·奥特曼`, `莱克斯·弗里德曼`: Chinese renderings of foreign names carry a middle dot. */
const DOTTED = "[\\p{Script=Han}]{1,6}[·•・][\\p{Script=Han}]{1,8}";
const DOTTED_NAME = new RegExp(DOTTED, "gu");
/** A Chinese name on its own: `张三`, `楼天城`, `萨姆·奥特曼`. */
const HAN_NAME = new RegExp(`^(?:[\\p{Script=Han}]{2,4}|${DOTTED})$`, "u");

/** Whether the text is a Chinese name and nothing else: two to four Han characters, or a dotted name. */
export function isHanName(text: string): boolean {
  return HAN_NAME.test(text);
}
/** Words that end the text before a name: `主持人是莱克斯·…`, `首席执行官萨姆·…`, `使用埃德·…`. */
const BEFORE_NAME = /^.*[是的和与及请到由为人官者在了将被对向用使让跟给同据称像如从叫位事友见]/u;
/** Words that start the text after a name: `…·宾斯托克与高德纳`, `…·麦卡锡在`, `…·奥卢科顿指出`. */
const AFTER_NAME = /[是的和与及在了将被对向说指表认可也都就而、].*$/u;
/** A Latin personal name: `Donald Knuth`, `Alain de Botton`, `Mary-Kate O'Neil`. */
export const LATIN_NAME =
  /^[A-Z][\p{Script=Latin}'’.-]*(?:\s+(?:[A-Z][\p{Script=Latin}'’.-]*|de|van|von|der|den|da|di|du|le|la|bin|al))*\s+[A-Z][\p{Script=Latin}'’.-]*$/u;

/** Drops the run-in text a dotted-name match picks up on its left and right. */
function trimRunIn(match: string): string {
  const [given = "", ...rest] = match.replace(/[•・]/gu, "·").split("·");
  const trimmed = given.length > 2 ? given.replace(BEFORE_NAME, "") : given;
  const family = rest.join("·");
  const cut = family.length > 2 ? family.replace(AFTER_NAME, "") : family;
  return [trimmed || given, cut || family].join("·");
}

/** The text of every paragraph, list and quote outside link lists: where the write-up names people. */
export function proseText(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => !block.inNoiseSection && block.node.type !== "code")
    .map((block) => nodeText(block.node))
    .join("\n");
}

/** The dotted full names the text introduces anywhere outside link lists. */
export function knownFullNames(blocks: readonly Block[]): string[] {
  const names = new Set<string>();
  for (const block of blocks) {
    if (block.inNoiseSection || block.node.type !== "paragraph") continue;
    for (const match of nodeText(block.node).matchAll(DOTTED_NAME)) names.add(trimRunIn(match[0]));
  }
  return [...names];
}

/** A name compared the way people read it: case, width and spacing folded, dots unified. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/[•・]/gu, "·").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The parts of a full name: `Alain de Botton` → Alain, de, Botton; `萨姆·奥特曼` → 萨姆, 奥特曼. */
function nameParts(name: string): string[] {
  return name.split(/[·•・\s]+/u).filter((part) => part !== "");
}

/** `CA` for Chris Anderson; `AB` and `ADB` for Alain De Botton. */
function initialsOf(name: string): string[] {
  const parts = nameParts(name);
  if (parts.length < 2 || !parts.every((part) => /^\p{L}/u.test(part))) return [];
  const all = parts.map((part) => part[0]?.toUpperCase() ?? "").join("");
  const capitals = parts
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part[0] ?? "")
    .join("");
  const outer = `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}`.toUpperCase();
  return [...new Set([all, capitals, outer])];
}

/** One person and every form of their name the write-up or the front matter uses. */
export interface Person {
  name: string;
  forms: Set<string>;
}

/**
 * The people a write-up names, each with the forms of their name: the front
 * matter's speakers and aliases, full names the labels use, dotted names, and
 * names linked by a bracket (`高德纳（Donald Knuth）`).
 */
export class People {
  readonly list: Person[] = [];
  readonly #byKey = new Map<string, Person>();

  find(name: string): Person | undefined {
    return this.#byKey.get(nameKey(name));
  }

  /** Adds a name (and its other forms), merging with a person already known by any of them. */
  add(name: string, aliases: readonly string[] = []): Person {
    const forms = [name, ...aliases];
    const found = new Set(
      forms.map((form) => this.find(form)).filter((person) => person !== undefined),
    );
    const [first, ...others] = [...found];
    const person = first ?? { name, forms: new Set<string>() };
    if (first === undefined) this.list.push(person);
    for (const other of others) {
      for (const form of other.forms) forms.push(form);
      this.list.splice(this.list.indexOf(other), 1);
    }
    for (const form of forms) {
      person.forms.add(form);
      this.#byKey.set(nameKey(form), person);
    }
    return person;
  }

  /**
   * The person behind a label: one known by that exact form, else the one
   * full name the label starts or ends (`奥特曼` → 萨姆·奥特曼, `Krugman` →
   * Paul Krugman, `Andrew` → Andrew Binstock), else the one whose initials it
   * is (`CA` → Chris Anderson).
   */
  resolve(label: string): Person | undefined {
    const exact = this.find(label);
    if (exact !== undefined) return exact;
    const key = nameKey(label);
    const byPart = this.list.filter((person) =>
      [...person.forms].some((form) => {
        const parts = nameParts(form).map(nameKey);
        return parts.length > 1 && (parts[0] === key || parts.at(-1) === key);
      }),
    );
    if (byPart.length === 1) return byPart[0];
    if (byPart.length > 1) return undefined;
    if (!/^[A-Z]{2,4}$/.test(label)) return undefined;
    const byInitials = this.list.filter((person) =>
      [...person.forms].some((form) => initialsOf(form).includes(label)),
    );
    return byInitials.length === 1 ? byInitials[0] : undefined;
  }
}

/** What a bracket after a name may hold to be that person's other name: a Latin or a dotted name. */
const NAME_LIKE = new RegExp(
  `^(?:[A-Z][\\p{Script=Latin}'’.-]*(?:\\s+(?:[A-Z][\\p{Script=Latin}'’.-]*|de|van|von|der|da|di|le|la)){0,3}|${DOTTED})$`,
  "u",
);
const BRACKET = /[（(]([^）)\n]{2,40})[）)]/gu;
const LATIN_BEFORE = /([A-Z][\p{Script=Latin}'’.-]*(?:\s+[A-Z][\p{Script=Latin}'’.-]*){1,3})\s*$/u;

/**
 * Another name given in brackets right after a known one, or the known one in
 * brackets after another: `高德纳（Donald Knuth）`, `Donald Knuth（高德纳）`,
 * `萨姆·奥特曼（Sam Altman）`.
 */
export function bracketAliases(text: string, names: readonly string[]): Array<[string, string]> {
  const known = [...new Set(names)]
    .filter((name) => name.length >= 2)
    .sort((a, b) => b.length - a.length);
  const pairs: Array<[string, string]> = [];
  for (const match of text.matchAll(BRACKET)) {
    const inside = match[1]?.trim() ?? "";
    const before = text.slice(Math.max(0, match.index - 60), match.index).trimEnd();
    const named = known.find((name) => before.endsWith(name));
    if (named !== undefined && NAME_LIKE.test(inside)) pairs.push([named, inside]);
    const latin = LATIN_BEFORE.exec(before)?.[1];
    if (latin !== undefined && known.includes(inside)) pairs.push([inside, latin]);
  }
  return pairs;
}
