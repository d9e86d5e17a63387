import type { CheckOutcome } from "../../check-outcome.js";
import type { SummaryLab } from "../summary.js";
import { formatDuration } from "../format-duration.js";
import { escapeHtml } from "./escape-html.js";
import { labAnchor, stepToLookAt, viewStatus } from "./lab-status-view.js";
import { renderCheck } from "./render-check.js";
import { renderMirrorChart } from "./mirror-chart.js";
import { renderShareChart, shareColumns } from "./share-chart.js";
import { renderStepTimeline } from "./step-timeline.js";

// One lab: verdict, the failure spelled out, the timeline, lab-wide charts, every check, diagnostics links.
export function renderLabSection(lab: SummaryLab): string {
  const status = viewStatus(lab.status);
  const steps = Array.isArray(lab.steps) ? lab.steps : [];
  const checks = steps.flatMap((step) => step.checks ?? []);
  const open = status.css === "passed" ? "" : " open";
  const parts = [
    `<section class="lab ${status.css}${status.css === "passed" ? " is-passed" : ""}" id="${labAnchor(lab.labId)}" data-lab="${escapeHtml(lab.labId)}">`,
    `<h2><span class="badge ${status.css}">${escapeHtml(status.label)}</span> ${escapeHtml(lab.labId)} <span class="muted">${formatDuration(Number(lab.durationMs) || 0)}</span></h2>`,
    renderFailure(lab),
    `<h3>Timeline</h3>`,
    renderStepTimeline(steps),
    renderLabCharts(checks),
    `<details class="checks"${open}><summary>Checks (${checks.length})</summary>`,
    ...steps.map((step) => renderStepChecks(step.title, step.checks ?? [], step.selfTest ?? [], step.reason)),
    `</details>`,
    renderCleanup(lab),
    renderDiagnostics(lab),
    `</section>`,
  ];
  return parts.join("");
}

function renderFailure(lab: SummaryLab): string {
  const lines: string[] = [];
  if (lab.failure) {
    const f = lab.failure;
    lines.push(
      `<div class="failure"><p><strong>Step ${escapeHtml(f.step)}:</strong> ${escapeHtml(f.message)}</p><dl>` +
        `<dt>expected</dt><dd class="expected">${escapeHtml(f.expected)}</dd><dt>last seen</dt><dd><pre class="seen">${escapeHtml(f.seen)}</pre></dd>` +
        (f.command ? `<dt>see it yourself</dt><dd><code class="command">${escapeHtml(f.command)}</code></dd>` : "") +
        `</dl></div>`,
    );
  }
  if (lab.stopped) lines.push(`<p class="stopped">${escapeHtml(lab.stopped.message)}</p>`);
  const step = stepToLookAt(lab);
  if (!lab.failure && !lab.stopped && step !== undefined) lines.push(`<p class="stopped">Not proven: step ${escapeHtml(step)}.</p>`);
  return lines.join("");
}

function renderLabCharts(checks: readonly CheckOutcome[]): string {
  const charts = [renderShareChart(shareColumns(checks)), renderMirrorChart(checks)].filter((chart) => chart !== "");
  return charts.length === 0 ? "" : `<h3>Charts</h3>${charts.join("")}`;
}

function renderStepChecks(title: string, checks: readonly CheckOutcome[], selfTest: readonly CheckOutcome[], reason: string | undefined): string {
  const body = [...selfTest.map((check) => renderCheck(check, "self-test: ")), ...checks.map((check) => renderCheck(check))];
  const note = reason ? `<p class="muted">${escapeHtml(reason)}</p>` : "";
  return `<h4>${escapeHtml(title)}</h4>${note}${body.length === 0 && !note ? `<p class="muted">no checks</p>` : body.join("")}`;
}

function renderCleanup(lab: SummaryLab): string {
  const failed = (lab.cleanup ?? []).filter((action) => action.status === "failed");
  if (failed.length === 0) return "";
  return `<h3>Cleanup failed</h3><ul>${failed.map((a) => `<li><code>${escapeHtml(a.command)}</code>: ${escapeHtml(a.error ?? "")}</li>`).join("")}</ul>`;
}

// Links to the bundle's files; a path that is not a plain relative file path is shown, never linked.
function renderDiagnostics(lab: SummaryLab): string {
  const files = Array.isArray(lab.diagnosticsFiles) ? lab.diagnosticsFiles : [];
  if (files.length === 0) return lab.diagnosticsDir ? `<h3>Diagnostics</h3><p><code>${escapeHtml(lab.diagnosticsDir)}</code></p>` : "";
  const item = (file: string): string => (isPlainRelativePath(file) ? `<a href="${escapeHtml(file)}">${escapeHtml(file)}</a>` : `<code>${escapeHtml(file)}</code>`);
  return `<h3>Diagnostics</h3><ul class="diagnostics">${files.map((file) => `<li>${item(String(file))}</li>`).join("")}</ul>`;
}

function isPlainRelativePath(path: string): boolean {
  return /^[A-Za-z0-9._/-]+$/.test(path) && !path.startsWith("/") && !path.split("/").includes("..");
}
