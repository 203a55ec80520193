/**
 * The corpus's scoring rule (../shared/corpus/README.md, "How a ranking is
 * scored"), exactly: after removing white space, `**`, quotation marks and
 * punctuation from both texts and lower-casing, a candidate matches a
 * reference when either contains the other, or when their longest common
 * substring covers at least 60% of the reference.
 */

/** Punctuation (quotation marks are punctuation too), `*` and white space go; case is folded. */
export function normalizeForScoring(text: string): string {
  return text.replace(/[\s\p{P}*]/gu, "").toLowerCase();
}

/** Length of the longest common substring, by dynamic programming over one row. */
function longestCommonSubstring(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = new Uint16Array(right.length + 1);
  let current = new Uint16Array(right.length + 1);
  let best = 0;
  for (const char of left) {
    for (let j = 1; j <= right.length; j += 1) {
      const run = char === right[j - 1] ? (previous[j - 1] ?? 0) + 1 : 0;
      current[j] = run;
      if (run > best) best = run;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/** The share of the reference that must be one common run of characters. */
const MIN_COVERAGE = 0.6;

/** Both texts already normalised with `normalizeForScoring`. */
export function textsMatch(candidate: string, reference: string): boolean {
  if (candidate === "" || reference === "") return false;
  if (candidate.includes(reference) || reference.includes(candidate)) return true;
  const needed = Math.ceil(MIN_COVERAGE * [...reference].length);
  // A candidate shorter than the run needed cannot hold it.
  if ([...candidate].length < needed) return false;
  return longestCommonSubstring(candidate, reference) >= needed;
}

/** `Olivia Kinghorst（主持人）` → both names: the corpus writes other names for a speaker in brackets. */
export function nameForms(entry: string): string[] {
  const match = /^(.+?)\s*[（(]([^）)]+)[）)]\s*$/u.exec(entry.trim());
  const forms = match?.[1] === undefined || match[2] === undefined ? [entry] : [match[1], match[2]];
  return forms.map(normalizeName);
}

export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}
