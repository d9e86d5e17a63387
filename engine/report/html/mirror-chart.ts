import type { CheckOutcome } from "../../check-outcome.js";
import { scale, svgFrame, svgRect, svgText } from "./svg-parts.js";

/** A mirror's two sides: responses users were served, copies the mirror received. */
interface MirrorCounts {
  served: number;
  copied: number;
  servedTitle: string;
  copiedTitle: string;
}

// The counts of a lab's mirror checks (one of each side), or undefined when it has none.
export function mirrorCounts(checks: readonly CheckOutcome[]): MirrorCounts | undefined {
  const served = checks.find((check) => check.mirrorSide === "served");
  const copied = checks.find((check) => check.mirrorSide === "copied");
  if (served === undefined || copied === undefined) return undefined;
  const servedCount = Number(served.details?.["matched"]);
  const copiedCount = Number(copied.details?.["matchingLines"]);
  if (!Number.isFinite(servedCount) || !Number.isFinite(copiedCount)) return undefined;
  return { served: servedCount, copied: copiedCount, servedTitle: served.title, copiedTitle: copied.title };
}

// Two bars: what the primary served (all v1) and what the mirror received (copies with a -shadow Host).
export function renderMirrorChart(checks: readonly CheckOutcome[]): string {
  const counts = mirrorCounts(checks);
  if (counts === undefined) return "";
  const x = scale(Math.max(counts.served, counts.copied, 1), 190, 520);
  const body = [
    svgText(4, 22, "responses users got", "label"),
    svgRect(190, 10, x(counts.served) - 190, 16, "bar-others", ` data-count="${counts.served}"`),
    svgText(x(counts.served) + 4, 22, String(counts.served), "label"),
    svgText(4, 50, "copies the mirror logged", "label"),
    svgRect(190, 38, x(counts.copied) - 190, 16, "bar-hits", ` data-count="${counts.copied}"`),
    svgText(x(counts.copied) + 4, 50, String(counts.copied), "label"),
  ];
  return svgFrame(560, 62, `mirror: ${counts.served} responses (${counts.servedTitle}), ${counts.copied} copies (${counts.copiedTitle})`, { chart: "mirror", served: counts.served, copied: counts.copied }, body);
}
