import type { CheckOutcome } from "../../check-outcome.js";
import { num, scale, svgFrame, svgLine, svgRect, svgText } from "./svg-parts.js";
import { readWeightedFigures, type WeightedFigures } from "./weighted-figures.js";

const COLUMN = 230;
const TOP = 24;
const BOTTOM = 150;

/** One weighted check of a lab, in run order, e.g. the retries lab's failure rate before and after. */
export interface ShareColumn {
  title: string;
  figures: WeightedFigures;
}

// The lab's weighted checks that share a hit label, when there are two or more (a before/after story).
export function shareColumns(checks: readonly CheckOutcome[]): ShareColumn[] {
  const columns = checks.flatMap((check) => {
    const figures = check.kind === "weighted" || check.details?.["band"] !== undefined ? readWeightedFigures(check) : undefined;
    return figures ? [{ title: check.title, figures }] : [];
  });
  const label = columns[0]?.figures.hitLabel;
  const same = columns.filter((column) => column.figures.hitLabel === label);
  return same.length >= 2 ? same : [];
}

// Observed share per check with its accepted bounds (band / n) and expected share, on one 0..max axis.
export function renderShareChart(columns: readonly ShareColumn[]): string {
  if (columns.length < 2) return "";
  const label = columns[0]?.figures.hitLabel ?? "hits";
  const top = Math.min(1, 1.15 * Math.max(...columns.map(({ figures: f }) => Math.max(f.high / f.n, f.hits / f.n, f.expectedShare || 0))));
  const y = scale(top, BOTTOM, TOP);
  const width = 60 + COLUMN * columns.length;
  const body = [svgLine(50, TOP, 50, BOTTOM, "axis"), svgText(46, TOP + 4, `${Math.round(top * 100)}%`, "label", "end"), svgText(46, BOTTOM, "0%", "label", "end")];
  columns.forEach(({ title, figures: f }, index) => {
    const center = 60 + COLUMN * index + COLUMN / 2;
    const share = f.hits / f.n;
    const inside = f.hits >= f.low && f.hits <= f.high;
    body.push(
      svgRect(center - 18, y(f.high / f.n), 36, y(f.low / f.n) - y(f.high / f.n), "band", ` data-low-share="${num((100 * f.low) / f.n)}" data-high-share="${num((100 * f.high) / f.n)}"`),
      ...(Number.isFinite(f.expectedShare) ? [svgLine(center - 26, y(f.expectedShare), center + 26, y(f.expectedShare), "mark-expected")] : []),
      `<circle cx="${num(center)}" cy="${num(y(share))}" r="5" class="${inside ? "dot-ok" : "dot-bad"}" data-share="${num(100 * share)}"/>`,
      svgText(center + 24, y(share) + 4, `${num(100 * share)}%`, "label"),
      svgText(center, BOTTOM + 16, `${num((100 * f.low) / f.n)}%..${num((100 * f.high) / f.n)}% accepted`, "label", "middle"),
      svgText(center, BOTTOM + 32, title.length > 38 ? `${title.slice(0, 37)}…` : title, "label", "middle"),
    );
  });
  return svgFrame(width, BOTTOM + 40, `share of ${label}, check by check, with the accepted bounds`, { chart: "shares", label }, body);
}
