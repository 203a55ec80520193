import { LATIN_NAME, nameKey, type People } from "./names.js";

/** Capitalised words that make a title, not a name: `Fireside Chat`, `The Data Show`. */
const TALK_TITLE_WORDS =
  /^(the|a|an|fireside|chat|keynote|interview|episode|podcast|talk|panel|notes?|show|conference|summit|session|why|how|what|live|special|part|building|future|state|day|talking|with|conversation|in|on|of|and|about|ask|me|anything)$/i;

const isTalkTitleWord = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .some((word) => TALK_TITLE_WORDS.test(word));

/** Words that introduce the guest in a Chinese title: `对话周鸿祎：`, `专访…`. */
const ZH_CUE = /^(?:对话|对谈|专访|独家专访|独家对话|深度对话|采访|访谈)\s*/u;

/**
 * The speaker a title names: `Jane Doe: The Future of X`, `Keynote by Jane
 * Doe`, a title that is only a name (`Daniel Stenberg`), `黄仁勋专访：…`,
 * `奥特曼谈AGI：…`, `陆奇最新演讲实录`, `对话周鸿祎：…`; or, given the people the
 * text names, one of them opening the title (`罗杰费德勒…演讲` for 罗杰·费德勒).
 */
export function speakerFromTitle(title: string, people?: People): string | undefined {
  const trimmed = title.trim();
  const english = [
    LATIN_NAME.exec(trimmed)?.[0],
    /^((?:[A-Z][\p{Script=Latin}'’.-]+\s){1,2}[A-Z][\p{Script=Latin}'’.-]+)\s*[:：—–|]\s/u.exec(
      trimmed,
    )?.[1],
    /\b(?:by|with)\s+((?:[A-Z][\p{Script=Latin}'’.-]+\s?){2,3})$/u.exec(trimmed)?.[1],
  ].find((name) => name !== undefined && !isTalkTitleWord(name));
  if (english !== undefined) return english.trim();
  if (/^[\p{Script=Han}]{1,6}·[\p{Script=Han}]{1,8}$/u.test(trimmed)) return trimmed;
  const undotted = trimmed.replace(/[·•・\s]/gu, "");
  const opening = people?.list.find((person) =>
    [...person.forms].some((form) => {
      const plain = form.replace(/[·•・\s]/gu, "");
      return plain.length >= 2 && undotted.toLowerCase().startsWith(plain.toLowerCase());
    }),
  );
  if (opening !== undefined) return opening.name;
  const chinese =
    /^([\p{Script=Han}·]{2,8}?)(?:最新|独家|深度|年度)?(?:专访|演讲|访谈|谈|[:：])/u.exec(
      trimmed.replace(ZH_CUE, ""),
    )?.[1];
  return chinese?.trim();
}

/**
 * The guest a title introduces, read exactly: `对话周鸿祎：…`, `专访 Clay
 * Bavor：…`, `Talking With Adam Posen`, `Interview with Donald Knuth`, `… |
 * Annie Duke (…)`. Undefined when the title names no one this way.
 */
export function guestInTitle(title: string): string | undefined {
  const zh =
    /(?:对话|对谈|专访|采访)\s*(?:[^：:｜|，,\s]*\s+)?([\p{Script=Han}]{2,4}|[A-Z][\p{Script=Latin}'’.-]+(?:\s+[A-Z][\p{Script=Latin}'’.-]+){1,2})\s*(?=[：:｜|，,—–\-(（]|$)/u.exec(
      title,
    )?.[1];
  if (zh !== undefined) return zh;
  const en =
    /\b(?:with|featuring|feat\.|ft\.|interviewing|talking to)\s+([A-Z][\p{Script=Latin}'’.-]+(?:\s+[A-Z][\p{Script=Latin}'’.-]+){1,2})(?=\s*(?:[:：|,(（—–-]|$))/u.exec(
      title,
    )?.[1] ??
    /[|｜]\s*([A-Z][\p{Script=Latin}'’.-]+(?:\s+[A-Z][\p{Script=Latin}'’.-]+){1,2})\s*[(（]/u.exec(
      title,
    )?.[1];
  return en !== undefined && !isTalkTitleWord(en) ? en : undefined;
}

/** Whether the title names someone by any form of their name (`Posen` in `Talking With Adam Posen`). */
export function namedInTitle(title: string, forms: Iterable<string>): boolean {
  const key = nameKey(title);
  for (const form of forms) {
    const wanted = nameKey(form);
    if ([...wanted].length < 2) continue;
    if (/^[a-z]/.test(wanted)) {
      const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (new RegExp(`\\b${escaped}\\b`, "u").test(key)) return true;
    } else if (key.includes(wanted)) return true;
  }
  return false;
}
