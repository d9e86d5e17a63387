// A statistical check on the share of responses that are hits (e.g. v2). The plan (n and the acceptance
// band) comes from exact binomial tails: a correct cluster fails one sample with probability <= 1e-6.
// Each attempt sends a fresh sample of n requests; retrying until the deadline re-samples, so a wrong
// cluster gets one more chance per attempt (each <= 1e-6) — the outcome reports how many attempts ran.

import type { LabContext } from "../../lab-context.js";
import type { WeightedCheck } from "../../lab-types.js";
import { ProbeError } from "../../probes/probe-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { judgeWeighted, planDetails, planWeightedCheck, type WeightedPlan } from "../../checks/weighted-plan.js";
import type { Evaluation } from "../poll.js";
import { judgeHttpResponse } from "./http-expectation.js";
import { runConcurrently } from "./run-concurrently.js";

/** Requests in flight at once while sampling. */
export const WEIGHTED_CONCURRENCY = 4;

type Sample = { hit: boolean } | { error: string };

// The check's plan (pure; the same numbers the --dry-run shows).
export function planOf(check: WeightedCheck): WeightedPlan {
  return planWeightedCheck(check.expectedShare, check.wrongShares);
}

// An evaluation function for pollUntil: one sample of n requests, judged against the band.
export function prepareWeightedCheck(check: WeightedCheck, ctx: LabContext): () => Promise<Evaluation> {
  const plan = planOf(check);
  const sendOne = async (): Promise<Sample> => {
    try {
      const result = await ctx.probe.http(check.request, ctx.signal);
      const invalid = check.valid === undefined ? undefined : judgeHttpResponse(check.valid, result, undefined);
      if (invalid !== undefined) return { error: `invalid response: ${invalid}` };
      return { hit: evaluateMatcher(check.hit, result.body, "body") === undefined };
    } catch (error) {
      if (!(error instanceof ProbeError)) throw error;
      return { error: error.message };
    }
  };
  return async () => {
    const samples = await runConcurrently(plan.n, WEIGHTED_CONCURRENCY, sendOne);
    const errors = samples.filter((sample): sample is { error: string } => "error" in sample);
    const hits = samples.filter((sample) => "hit" in sample && sample.hit).length;
    const details = { ...planDetails(plan), hitLabel: check.hitLabel, hits, errors: errors.length, share: Number((hits / plan.n).toFixed(4)) };
    if (errors.length > 0) {
      return { ok: false, seen: `${errors.length} of ${plan.n} requests failed (first: ${errors[0]?.error}); the sample is not judged`, details };
    }
    const verdict = judgeWeighted(plan, hits, check.hitLabel);
    return { ok: verdict.passed, seen: verdict.reason, details };
  };
}
