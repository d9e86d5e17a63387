import type { CheckOutcome } from "../../check-outcome.js";
import type { StepResult } from "../../runner/lab-result.js";
import { formatDuration } from "../format-duration.js";
import { escapeText } from "./escape-html.js";
import { viewStatus } from "./lab-status-view.js";

/** One bar of the timeline: where it starts and how long it ran, in ms from the lab's start. */
interface Bar {
  label: string;
  startMs: number;
  durationMs: number;
  status: unknown;
  polls?: number;
  depth: 0 | 1;
}

// Steps run one after another; inside a step the self-test checks run first, the step's checks last.
export function timelineBars(steps: readonly StepResult[]): Bar[] {
  const bars: Bar[] = [];
  let offset = 0;
  for (const step of steps) {
    const duration = Math.max(0, Number(step.durationMs) || 0);
    bars.push({ label: step.title, startMs: offset, durationMs: duration, status: step.status, depth: 0 });
    const checks = step.checks ?? [];
    const checksMs = checks.reduce((sum, check) => sum + (Number(check.durationMs) || 0), 0);
    let at = offset;
    for (const check of step.selfTest ?? []) at = pushCheck(bars, check, at, "self-test: ");
    at = Math.max(at, offset + duration - checksMs);
    for (const check of checks) at = pushCheck(bars, check, at, "");
    offset += duration;
  }
  return bars;
}

function pushCheck(bars: Bar[], check: CheckOutcome, at: number, prefix: string): number {
  const duration = Math.max(0, Number(check.durationMs) || 0);
  bars.push({ label: `${prefix}${check.title}`, startMs: at, durationMs: duration, status: check.status, polls: check.attempts, depth: 1 });
  return at + duration;
}

// The lab's steps and checks as rows: name, wall time, polls, and a bar placed on the lab's time axis.
export function renderStepTimeline(steps: readonly StepResult[]): string {
  const bars = timelineBars(steps);
  if (bars.length === 0) return `<p class="muted">No step ran.</p>`;
  const total = Math.max(1, ...bars.map((bar) => bar.startMs + bar.durationMs));
  const pct = (ms: number): string => ((100 * ms) / total).toFixed(1);
  const rows = bars.map((bar) => {
    const polls = bar.polls === undefined ? "" : String(bar.polls);
    return (
      `<tr class="d${bar.depth} ${viewStatus(bar.status).css}"><td>${escapeText(bar.label)}<td class="num">${formatDuration(bar.durationMs)}<td class="num">${polls}` +
      `<td class="track"><span style="left:${pct(bar.startMs)}%;width:${pct(bar.durationMs)}%"></span></tr>`
    );
  });
  return `<table class="timeline"><thead><tr><th>step / check</th><th>wall time</th><th>polls</th><th>time (${formatDuration(total)})</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
