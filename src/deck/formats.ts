/** What a deck can be exported as: the HTML in this process, the rest through a browser. */
export type DeckFormat = "html" | "pdf" | "pptx" | "png";
