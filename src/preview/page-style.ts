import { PAGE_FONT_CSS } from "./page-font.js";

/** The preview page's stylesheet, served as /assets/preview.css (the page's CSP allows no inline style). */
export const PAGE_CSS = `${PAGE_FONT_CSS}
:root { color-scheme: light dark; --bg: #f6f7f9; --pane: #fff; --ink: #1b1f24; --muted: #5c6670;
  --line: #d8dde3; --accent: #0a66c2; --on: #0a7d32; --bad: #b42318; font: 14px/1.45 system-ui, sans-serif, "talkdeck-cjk"; }
@media (prefers-color-scheme: dark) { :root { --bg: #111418; --pane: #1a1e24; --ink: #e8eaed;
  --muted: #9aa4ae; --line: #2e353d; --accent: #6cb6ff; --on: #56d364; --bad: #ff7b72; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); height: 100vh; display: flex; flex-direction: column; }
header { display: flex; gap: 12px; align-items: baseline; padding: 8px 14px; border-bottom: 1px solid var(--line); background: var(--pane); }
.brand { white-space: nowrap; }
.title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--muted); }
.status { white-space: nowrap; font-variant-numeric: tabular-nums; }
.status.phase-building { color: var(--accent); } .status.phase-error { color: var(--bad); font-weight: 600; }
nav a { color: var(--accent); margin-left: 8px; }
.error { margin: 8px 14px 0; padding: 8px 12px; border: 1px solid var(--bad); border-radius: 6px; color: var(--bad); background: var(--pane); }
.error pre { margin: 6px 0 0; white-space: pre-wrap; color: var(--ink); font: 13px/1.4 ui-monospace, monospace; }
.notice { margin: 8px 14px 0; padding: 6px 12px; border-radius: 6px; background: var(--pane); border: 1px solid var(--line); }
.notice.bad { border-color: var(--bad); color: var(--bad); }
main { flex: 1; min-height: 0; display: grid; gap: 12px; padding: 12px 14px;
  grid-template-columns: minmax(0, 3fr) minmax(320px, 2fr); grid-template-rows: auto minmax(0, 1fr); }
.pane { background: var(--pane); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; min-height: 0; overflow: auto; }
#deck-pane { grid-column: 1; grid-row: 1; }
#cards-pane { grid-column: 1; grid-row: 2; }
#quotes-pane { grid-column: 2; grid-row: 1 / span 2; display: flex; flex-direction: column; }
h2 { font-size: 15px; margin: 0 0 6px; } .hint { color: var(--muted); font-weight: normal; font-size: 12px; }
.frame { position: relative; aspect-ratio: 16 / 9; max-height: 52vh; margin: 0 auto; background: #000; border-radius: 4px; overflow: hidden; }
.frame iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
.empty[hidden] { display: none; }
.empty { position: absolute; inset: 0; margin: 0; display: grid; place-items: center; color: #aaa; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; }
.card { margin: 0; display: flex; flex-direction: column; gap: 4px; }
.card img { height: 140px; width: auto; border-radius: 4px; border: 1px solid var(--line); background: var(--bg); }
.card figcaption { font-size: 11px; color: var(--muted); }
.filters { display: flex; gap: 10px; align-items: center; margin-bottom: 6px; }
.filters input[type=search] { flex: 1; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--ink); }
.quotes { list-style: none; margin: 0; padding: 0; overflow: auto; flex: 1; min-height: 0; }
.quote { border-top: 1px solid var(--line); padding: 8px 2px; }
.quote.chosen { border-left: 3px solid var(--on); padding-left: 8px; }
.quote .meta { display: flex; gap: 8px; flex-wrap: wrap; font-size: 12px; color: var(--muted); }
.quote .score { font-variant-numeric: tabular-nums; color: var(--ink); font-weight: 600; }
.quote p { margin: 4px 0; }
.quote .actions { display: flex; gap: 6px; align-items: center; }
.toggle { font: inherit; font-size: 12px; padding: 2px 10px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg); color: var(--muted); cursor: pointer; }
.toggle[aria-pressed=true] { background: var(--on); border-color: var(--on); color: #fff; }
.toggle:disabled { opacity: .5; cursor: progress; }
details { font-size: 12px; color: var(--muted); } details ul { margin: 2px 0; padding-left: 18px; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; grid-template-rows: auto auto auto; }
  #deck-pane, #cards-pane, #quotes-pane { grid-column: 1; grid-row: auto; } }
`;
