import type { CheckOutcome } from "../../check-outcome.js";

/** A weighted check's numbers as the summary holds them in `details`. */
export interface WeightedFigures {
  n: number;
  low: number;
  high: number;
  hits: number;
  errors: number;
  expectedShare: number;
  hitLabel: string;
  /** Requests sent again after a transport failure before any response, and how many the sample allows. */
  transportRetries: number;
  transportRetryBudget: number | undefined;
}

// The figures of a weighted check outcome, or undefined when the summary lacks them (older runs, no sample).
export function readWeightedFigures(outcome: CheckOutcome): WeightedFigures | undefined {
  const details = outcome.details;
  if (details === undefined) return undefined;
  const band = /^(\d+)\.\.(\d+)$/.exec(String(details["band"] ?? ""));
  const n = Number(details["n"]);
  const hits = Number(details["hits"]);
  if (band === null || !Number.isInteger(n) || n <= 0 || !Number.isInteger(hits)) return undefined;
  const errors = Number(details["errors"] ?? 0);
  const expectedShare = Number(details["expectedShare"]);
  return {
    n,
    low: Number(band[1]),
    high: Number(band[2]),
    hits,
    errors: Number.isInteger(errors) ? errors : 0,
    expectedShare: Number.isFinite(expectedShare) ? expectedShare : Number.NaN,
    hitLabel: typeof details["hitLabel"] === "string" ? details["hitLabel"] : "hits",
    transportRetries: Number.isInteger(details["transportRetries"]) ? Number(details["transportRetries"]) : 0,
    transportRetryBudget: Number.isInteger(details["transportRetryBudget"]) ? Number(details["transportRetryBudget"]) : undefined,
  };
}
