import type { SummaryLab } from "../summary.js";
import { formatDuration } from "../format-duration.js";
import { escapeHtml } from "./escape-html.js";
import { labAnchor, orderLabsForReport, stepToLookAt, viewStatus } from "./lab-status-view.js";

// Every lab of the run, failures first: result, duration, the step to look at and why.
export function renderSummaryTable(labs: readonly SummaryLab[]): string {
  if (labs.length === 0) return `<p class="muted">No lab ran.</p>`;
  const rows = orderLabsForReport(labs).map((lab) => {
    const status = viewStatus(lab.status);
    const why = lab.failure?.message ?? lab.stopped?.message ?? "";
    return (
      `<tr class="${status.css}${status.css === "passed" ? " is-passed" : ""}" data-lab="${escapeHtml(lab.labId)}"><td><span class="badge ${status.css}">${escapeHtml(status.label)}</span></td>` +
      `<td><a href="#${labAnchor(lab.labId)}">${escapeHtml(lab.labId)}</a></td><td class="num">${formatDuration(Number(lab.durationMs) || 0)}</td>` +
      `<td class="step">${escapeHtml(stepToLookAt(lab) ?? "")}</td><td>${escapeHtml(why)}</td></tr>`
    );
  });
  return `<table class="summary"><thead><tr><th>result</th><th>lab</th><th>duration</th><th>step</th><th>why</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
