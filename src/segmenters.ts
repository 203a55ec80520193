/**
 * `Intl.Segmenter`s by language, made once each. A language tag the schema
 * accepts may still be one ICU refuses (`zh-yue`, `zh-cmn` throw a
 * RangeError): then its primary language is used (`zh`), else ICU's default,
 * never an error.
 */
type Granularity = "grapheme" | "word" | "sentence";

const cache = new Map<string, Intl.Segmenter>();

function make(lang: string, granularity: Granularity): Intl.Segmenter {
  for (const locale of [lang, lang.split("-")[0]]) {
    try {
      return new Intl.Segmenter(locale, { granularity });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return new Intl.Segmenter(undefined, { granularity });
}

export function segmenterFor(lang: string, granularity: Granularity): Intl.Segmenter {
  const key = `${granularity}:${lang}`;
  let segmenter = cache.get(key);
  if (segmenter === undefined) {
    segmenter = make(lang, granularity);
    cache.set(key, segmenter);
  }
  return segmenter;
}
