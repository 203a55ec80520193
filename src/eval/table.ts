import type { CaseResult, CorpusTotals } from "./corpus.js";

export function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`;
}

const yes = (right: boolean) => (right ? "ok" : "NO");

const header = [
  "case",
  "status",
  "title",
  "speakers",
  "points",
  "cand",
  "@6",
  "@10",
  "all",
  "attr",
  "ms",
];

/** One case's row, in the header's columns. */
function caseRow(result: CaseResult): string[] {
  const found = (k: number) =>
    `${result.quotes.filter((quote) => quote.rank !== null && quote.rank <= k).length}/${result.quotes.length}`;
  const textFound = result.quotes.filter((quote) => quote.textRank !== null).length;
  const rightSpeaker = result.quotes.filter((quote) => quote.rank !== null).length;
  return [
    result.file.replace(/^.*\//, "").replace(/\.md$/, ""),
    result.refused !== null ? "REFUSED" : result.candidates === 0 ? "NO CANDIDATE" : "read",
    yes(result.title.right),
    yes(result.speakers.right),
    `${result.points.got}/${result.points.expected}`,
    String(result.candidates),
    found(6),
    found(10),
    found(Number.POSITIVE_INFINITY),
    `${rightSpeaker}/${textFound}`,
    result.ms.toFixed(0),
  ];
}

/** The totals' row, in the header's columns. */
function totalRow(totals: CorpusTotals): string[] {
  return [
    `total (${totals.cases} cases)`,
    `${totals.refused} refused, ${totals.noCandidate} none`,
    `${totals.titleRight}/${totals.cases}`,
    `${totals.speakersRight}/${totals.cases}`,
    `${totals.pointsRight}/${totals.cases}`,
    "",
    `${totals.top6}/${totals.references}`,
    `${totals.top10}/${totals.references}`,
    `${totals.anywhere}/${totals.references}`,
    `${totals.rightSpeaker}/${totals.textFound}`,
    `max ${totals.maxMs.toFixed(0)}`,
  ];
}

/** The rows as lines, each column padded to its widest cell (the header's columns count). */
function alignedLines(table: readonly string[][]): string[] {
  const widths = header.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? "").length)),
  );
  return table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** The figures in words, under the table. */
function summaryLines(totals: CorpusTotals): string[] {
  return [
    `recall@6 ${percent(totals.top6, totals.references)}, recall@10 ${percent(totals.top10, totals.references)}, among all candidates ${percent(totals.anywhere, totals.references)}`,
    `right speaker for ${totals.rightSpeaker} of ${totals.textFound} quotes found by text; title right in ${totals.titleRight}, speakers in ${totals.speakersRight}, point count in ${totals.pointsRight} of ${totals.cases} cases`,
  ];
}

/** A plain-text table: one row per case, then the totals. */
export function formatTable(results: readonly CaseResult[], totals: CorpusTotals): string {
  const lines = alignedLines([header, ...results.map(caseRow), totalRow(totals)]);
  return `${lines.join("\n")}\n\n${summaryLines(totals).join("\n")}\n`;
}
