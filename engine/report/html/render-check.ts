import type { CheckOutcome } from "../../check-outcome.js";
import { formatDuration } from "../format-duration.js";
import { escapeText } from "./escape-html.js";
import { viewStatus } from "./lab-status-view.js";
import { renderCanaryChart } from "./canary-chart.js";
import { renderWeightedChart } from "./weighted-chart.js";

/** A passed check's `seen` is supporting detail: the page shows its start, summary.json keeps it whole. */
const PASSED_SEEN_MAX = 200;

// One check: verdict, wall time and polls, what was expected, what was last seen, the command; its chart if any.
export function renderCheck(check: CheckOutcome, prefix = ""): string {
  const status = viewStatus(check.status);
  const polls = Number(check.attempts) || 0;
  const chart = check.kind === "sequence" ? renderCanaryChart(check) : renderWeightedChart(check);
  return (
    `<div class="ck ${status.css}">` +
    `<p><b class="badge ${status.css}">${escapeText(status.label)}</b> <span class="title">${escapeText(prefix + check.title)}</span>` +
    ` <i>${formatDuration(Number(check.durationMs) || 0)} · ${polls} poll${polls === 1 ? "" : "s"}</i></p>` +
    `<dl><dt>expected<dd class="exp">${escapeText(check.expected)}` +
    `<dt>last seen<dd><pre class="seen">${escapeText(status.css === "passed" ? clipSeen(String(check.seen ?? "")) : check.seen)}</pre>` +
    (check.command ? `<dt>see it yourself<dd><code class="cmd">${escapeText(check.command)}</code>` : "") +
    `</dl>${chart}</div>`
  );
}

function clipSeen(seen: string): string {
  return seen.length <= PASSED_SEEN_MAX ? seen : `${seen.slice(0, PASSED_SEEN_MAX)}… (${seen.length} chars in summary.json)`;
}
