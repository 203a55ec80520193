/** Quoted phrases and lead-ins: the parts of a sentence that may make a quote of their own. */

/** Text in quotation marks: `“…”`, `「…」`, `『…』`, and straight `"…"`. */
const QUOTED = /“([^“”]+)”|「([^「」]+)」|『([^『』]+)』|"([^"\n]+)"/gu;

/** Soft punctuation a quoted phrase may trail into: `"…mugged:"`, `“…”，`. */
const SOFT_EDGES = /^[\s,，、;；:：—–-]+|[\s,，、;；:：—–-]+$/gu;

/** The phrases a text puts in quotation marks, without the marks. */
export function quotedPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const inner = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").replace(SOFT_EDGES, "");
    if (inner !== "") phrases.push(inner);
  }
  return phrases;
}

/** Words that open a reply or carry on from before: `Yeah, so`, `But of course,`, `所以`, `其实`. */
const OPENERS =
  /^(?:[(（]?(?:[A-Za-z]|\d{1,2})[)）]\s*|\d{1,2}(?:\.\s+|、\s*)|[①-⑩]\s*|(?:and|but|so|or|yeah|yes|no|well|of course|again|truly|now|also|then|right|okay|oh|look|see|actually|honestly|frankly|basically|i mean|you know)\b[,，]?\s*|(?:所以说|所以|但是|但|而且|其实|然后|另外|那么|对|是的|嗯|当然|因此|不过)[，,、]?\s*)+/iu;

/** A clause that announces what follows: `我想说的点在于，`, `The thing is:`, `What that means is that`. */
const ANNOUNCES =
  /^(?:[^。！？.!?]{1,40}?(?:：|:(?=\s))\s*|[^。！？]{1,40}?(?:是|在于|就是|来看|来说|而言|看来|发现)[，,]\s*|[^,.;:]{1,60}?\b(?:is|was|means|see|say) that\s+)/iu;

/**
 * The sentence without what leads into its point: opening connectives and an
 * announcing clause (`But of course, waste is…` → `waste is…`). Undefined when
 * there is nothing to leave out.
 */
export function withoutLeadIn(sentence: string): string | undefined {
  const rest = sentence.replace(OPENERS, "").replace(ANNOUNCES, "").trim();
  return rest === sentence || rest === "" ? undefined : rest;
}
