/** The words the carousel draws itself, in the talk's language (Chinese, or English for any other). */
const LABELS = {
  zh: {
    point: "要点",
    quote: "金句",
    source: "原文",
    scan: "扫码阅读原文",
    follow: "关注",
    swipe: "滑动查看 →",
  },
  en: {
    point: "Key point",
    quote: "Quote",
    source: "Source",
    scan: "Scan to read the write-up",
    follow: "Follow",
    swipe: "Swipe →",
  },
} as const;

export type CarouselLabels = (typeof LABELS)[keyof typeof LABELS];

export function carouselLabels(lang: string): CarouselLabels {
  return lang.split("-")[0]?.toLowerCase() === "zh" ? LABELS.zh : LABELS.en;
}
