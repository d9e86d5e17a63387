import type { CheckOutcome } from "../../check-outcome.js";
import { num, scale, svgFrame, svgLine, svgRect, svgText } from "./svg-parts.js";
import { readWeightedFigures } from "./weighted-figures.js";

const WIDTH = 560;
const LEFT = 12;
const RIGHT = WIDTH - 12;

// A weighted check's sample: hits and other responses on a 0..n axis, the accepted band and the expected count.
export function renderWeightedChart(outcome: CheckOutcome): string {
  const figures = readWeightedFigures(outcome);
  if (figures === undefined) return "";
  const { n, low, high, hits, errors, expectedShare, hitLabel, transportRetries, transportRetryBudget } = figures;
  const retries = transportRetryBudget === undefined ? "" : `; ${transportRetries} re-sent after a transport failure (budget ${transportRetryBudget})`;
  const x = scale(n, LEFT, RIGHT);
  const others = Math.max(0, n - hits - errors);
  const inside = hits >= low && hits <= high;
  const body = [
    svgText(LEFT, 14, `${hits} ${hitLabel}, ${others} other${errors > 0 ? `, ${errors} errors` : ""} of ${n} requests`, "label"),
    svgRect(x(0), 22, x(hits) - x(0), 18, "bar-hits"),
    svgRect(x(hits), 22, x(hits + others) - x(hits), 18, "bar-others"),
    svgRect(x(hits + others), 22, x(n) - x(hits + others), 18, "bar-errors"),
    svgRect(x(low), 46, x(high) - x(low), 12, "band", ` data-low="${low}" data-high="${high}"`),
    svgLine(x(hits), 18, x(hits), 62, inside ? "mark-ok" : "mark-bad"),
    ...(Number.isFinite(expectedShare) ? [svgLine(x(expectedShare * n), 42, x(expectedShare * n), 62, "mark-expected")] : []),
    svgText(x(0), 70, "0", "label"),
    svgText(x(n), 70, String(n), "label", "end"),
    svgText(LEFT, 88, `accepted ${low}..${high} ${hitLabel}; expected ${Number.isFinite(expectedShare) ? num(expectedShare * n) : "?"}; seen ${hits} (${inside ? "inside" : "outside"} the band)${retries}`, "label"),
  ];
  return svgFrame(WIDTH, 96, `${outcome.title}: ${hits} of ${n} ${hitLabel}, band ${low}..${high}`, { chart: "weighted", n, low, high, hits }, body);
}
