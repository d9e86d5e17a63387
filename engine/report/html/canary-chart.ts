import type { CheckOutcome, ObservedState } from "../../check-outcome.js";
import { formatDuration } from "../format-duration.js";
import { escapeHtml } from "./escape-html.js";
import { num, scale, svgFrame, svgLine, svgText } from "./svg-parts.js";

const WIDTH = 620;
const LEFT = 44;
const RIGHT = WIDTH - 16;
const TOP = 16;
const BOTTOM = 150;

/** A state read as a canary's phase and weight ("Progressing 30"). */
interface WeightPoint {
  atMs: number;
  phase: string;
  weight: number;
  failedChecks: number | undefined;
  message: string | undefined;
}

// The timeline's states that end in a weight; empty when the sequence is not a weight story.
export function weightPoints(timeline: readonly ObservedState[] | undefined): WeightPoint[] {
  return (timeline ?? []).flatMap((entry) => {
    const match = /^(.*?)\s*(\d+)$/.exec(String(entry.state));
    if (match === null) return [];
    const failed = Number(entry.notes?.["failedChecks"]);
    return [{ atMs: Number(entry.atMs) || 0, phase: match[1] ?? "", weight: Number(match[2]), failedChecks: Number.isFinite(failed) ? failed : undefined, message: entry.notes?.["message"] }];
  });
}

// The canary weight over time as a step line, each new failed analysis check as a red mark, then the states as a table.
export function renderCanaryChart(outcome: CheckOutcome): string {
  const points = weightPoints(outcome.timeline);
  if (points.length === 0) return "";
  const end = Math.max(outcome.durationMs || 0, ...points.map((p) => p.atMs));
  const x = scale(end, LEFT, RIGHT);
  const y = scale(Math.max(50, ...points.map((p) => p.weight)), BOTTOM, TOP);
  const [first, ...rest] = points as [WeightPoint, ...WeightPoint[]];
  const path = `M${num(x(first.atMs))} ${num(y(first.weight))}${rest.map((p) => `H${num(x(p.atMs))}V${num(y(p.weight))}`).join("")}H${num(x(end))}`;
  const body = [
    svgLine(LEFT, BOTTOM, RIGHT, BOTTOM, "axis"),
    svgLine(LEFT, TOP, LEFT, BOTTOM, "axis"),
    svgText(LEFT - 4, y(50) + 4, "50%", "label", "end"),
    svgText(LEFT - 4, BOTTOM, "0%", "label", "end"),
    svgText(RIGHT, BOTTOM + 16, formatDuration(end), "label", "end"),
    `<path d="${path}" class="weight-line"/>`,
    ...points.map(
      (p) =>
        `<circle cx="${num(x(p.atMs))}" cy="${num(y(p.weight))}" r="3" class="${/fail/i.test(p.phase) ? "dot-bad" : "dot-ok"}" data-weight="${p.weight}" data-phase="${escapeHtml(p.phase)}"><title>${escapeHtml(`${p.phase} ${p.weight}% at ${formatDuration(p.atMs)}`)}</title></circle>`,
    ),
    ...points.filter((p, i) => (p.failedChecks ?? 0) > (points[i - 1]?.failedChecks ?? 0)).map((p) => svgText(x(p.atMs), y(p.weight) - 6, `✗${p.failedChecks}`, "label bad", "middle")),
  ];
  const chart = svgFrame(WIDTH, BOTTOM + 22, `${outcome.title}: canary weight over time`, { chart: "canary", states: points.length }, body);
  return chart + renderStateTable(points);
}

function renderStateTable(points: readonly WeightPoint[]): string {
  const rows = points.map(
    (p) => `<tr><td>${formatDuration(p.atMs)}</td><td>${escapeHtml(p.phase)}</td><td>${p.weight}%</td><td>${p.failedChecks ?? ""}</td><td>${escapeHtml(p.message ?? "")}</td></tr>`,
  );
  return `<table class="states"><thead><tr><th>at</th><th>phase</th><th>weight</th><th>failed checks</th><th>Flagger says</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
