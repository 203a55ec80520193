/**
 * The preview page: three panes (the deck, the cards, the quote
 * candidates), filled in by the page's script from the server's API. The
 * page itself holds no talk text: only the session token (hex) and the
 * escaped title are put into it here.
 */

import { escapeHtml } from "../deck/html-escape.js";

/** Scripts and styles come from the server's own files only: nothing inline, nothing from elsewhere. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "frame-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function previewPage(token: string, title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="talkdeck-token" content="${escapeHtml(token)}">
<title>${escapeHtml(title)} · talkdeck preview</title>
<link rel="stylesheet" href="/assets/preview.css">
<script src="/assets/preview.js" defer></script>
</head>
<body>
<header>
  <strong class="brand">talkdeck preview</strong>
  <span id="title" class="title">${escapeHtml(title)}</span>
  <span id="status" class="status" role="status">connecting…</span>
  <nav><a href="/out/deck.html" target="_blank" rel="noopener">deck ↗</a> <a href="/out/index.html" target="_blank" rel="noopener">gallery ↗</a></nav>
</header>
<div id="error" class="error" role="alert" hidden><strong>The last save did not build</strong> (the preview still shows the last good build):<pre id="error-text"></pre></div>
<div id="notice" class="notice" role="status" hidden></div>
<main>
  <section id="deck-pane" class="pane" aria-labelledby="deck-heading">
    <h2 id="deck-heading">Slides <span class="hint">← → to move; the slide stays when it rebuilds</span></h2>
    <div class="frame"><iframe id="deck" title="The deck"></iframe><p id="deck-empty" class="empty">The deck shows here after the first build.</p></div>
  </section>
  <section id="cards-pane" class="pane" aria-labelledby="cards-heading">
    <h2 id="cards-heading">Cards <span id="cards-count" class="hint"></span></h2>
    <div id="cards" class="cards"></div>
  </section>
  <section id="quotes-pane" class="pane" aria-labelledby="quotes-heading">
    <h2 id="quotes-heading">Quote candidates</h2>
    <p class="hint">Best first. “on slides” / “on cards” write your choice into <code id="settings-file">the front matter</code>, then rebuild.</p>
    <div class="filters"><input id="filter" type="search" placeholder="filter by text or speaker" aria-label="filter the quotes"> <label><input id="chosen-only" type="checkbox"> chosen only</label></div>
    <ol id="quotes" class="quotes"></ol>
  </section>
</main>
</body>
</html>
`;
}
