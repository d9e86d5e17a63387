import type { RunSummary } from "../summary.js";
import { formatDuration } from "../format-duration.js";
import { escapeHtml } from "./escape-html.js";
import { orderLabsForReport, viewStatus } from "./lab-status-view.js";
import { renderLabSection } from "./render-lab-section.js";
import { renderSummaryTable } from "./render-summary-table.js";
import { REPORT_STYLE } from "./report-style.js";

// Nothing may load from anywhere: no scripts at all, styles and images inline only.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// The whole report as one self-contained HTML page, from the JSON summary alone (a merged nightly one too).
export function renderReportPage(summary: RunSummary): string {
  const labs = Array.isArray(summary.labs) ? summary.labs : [];
  const counts = new Map<string, number>();
  for (const lab of labs) counts.set(viewStatus(lab.status).label, (counts.get(viewStatus(lab.status).label) ?? 0) + 1);
  const totals = [...counts].map(([label, count]) => `${count} ${escapeHtml(label)}`).join(", ") || "no labs";
  const durationMs = labs.reduce((ms, lab) => ms + (Number(lab.durationMs) || 0), 0);
  const run = summary.run ?? {};
  const meta = [
    `<span>${totals} in ${formatDuration(durationMs)}</span>`,
    run.shard ? `<span>shard <strong class="shard">${escapeHtml(run.shard)}</strong></span>` : "",
    run.commit ? `<span>commit <code class="commit">${escapeHtml(run.commit)}</code></span>` : "",
    run.generatedAt ? `<span class="muted">${escapeHtml(run.generatedAt)}</span>` : "",
  ].join("");
  const ended = run.endedEarly
    ? `<div class="ended"><strong>The run ended early:</strong> ${escapeHtml(run.endedEarly.reason)}${run.endedEarly.hint ? `<br><span class="muted">${escapeHtml(run.endedEarly.hint)}</span>` : ""}</div>`
    : "";
  return [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>istio-lab report: ${totals}</title><style>${REPORT_STYLE}</style></head><body>`,
    `<header><h1>istio-lab report</h1><p class="meta">${meta}</p>${ended}</header>`,
    `<label class="filter"><input type="checkbox" id="only-failures"> show only labs that did not pass</label>`,
    `<main><h2>Summary</h2>${renderSummaryTable(labs)}`,
    ...orderLabsForReport(labs).map(renderLabSection),
    `</main></body></html>\n`,
  ].join("\n");
}
