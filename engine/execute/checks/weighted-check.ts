// A statistical check on the share of responses that are hits (e.g. v2). The plan (n and the acceptance
// band) comes from exact binomial tails for the check as a whole: a correct cluster fails with probability
// <= 1e-6 and any share 5 points or more away passes with probability <= 1e-6. The check waits only until
// the route answers validly, then judges ONE sample of n (sample-once.ts): a wrong cluster gets no second
// chance, and a failed or invalid response inside the sample fails it.

import type { LabContext } from "../../lab-context.js";
import type { WeightedCheck } from "../../lab-types.js";
import { ProbeError } from "../../probes/probe-types.js";
import { PROBE_MAX_SOCKETS } from "../../probes/probe-concurrency.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { judgeWeighted, nearestWrongShares, planDetails, planWeightedCheck, type WeightedPlan } from "../../checks/weighted-plan.js";
import type { Evaluation } from "../poll.js";
import { judgeHttpResponse } from "../../checks/http-expectation.js";
import { prepareSampleOnce } from "./sample-once.js";
import { planSizeStore } from "./plan-size-store.js";
import type { PolledCheckKind } from "../check-kind.js";
import { describePlan } from "../../checks/weighted-plan.js";
import { httpMatchers } from "../../checks/placed-matchers.js";

/** Requests in flight at once while sampling (the probe's connection limit). */
export const WEIGHTED_CONCURRENCY = PROBE_MAX_SOCKETS;

/** The smallest distance from the configured share that every check must reject. */
export const WEIGHTED_SEPARATION = 0.05;

/** Requests of a sample that may be re-sent once after a transport failure before any response byte: 0.5%. */
export const TRANSPORT_RETRY_BUDGET = 0.005;

// An HTTP answer is final; only a request that broke before any response byte is sent once more (`retried`).
type Sample = ({ hit: boolean } | { error: string }) & { retried?: true };

// The most retried requests a sample of n tolerates (at least one).
export function transportRetryBudget(n: number): number {
  return Math.max(1, Math.floor(n * TRANSPORT_RETRY_BUDGET));
}

// The check's plan (the same numbers the --dry-run shows); its sample size may come from the plan-size store.
export function planOf(check: WeightedCheck): WeightedPlan {
  const wrongShares = nearestWrongShares(check.expectedShare, WEIGHTED_SEPARATION);
  const attempts = check.attempts ?? 1;
  const key = `${check.expectedShare}|${wrongShares.join(",")}|${attempts}`;
  const hint = planSizeStore().get(key);
  const plan = planWeightedCheck(check.expectedShare, wrongShares, { attempts, ...(hint === undefined ? {} : { sizeHint: hint }) });
  if (hint !== plan.n) planSizeStore().set(key, plan.n);
  return plan;
}

// The verdict on one whole sample: failed or invalid responses fail it (with the counts), else the band decides.
function judgeSample(check: WeightedCheck, plan: WeightedPlan, samples: readonly Sample[]): Evaluation {
  const errors = samples.filter((sample): sample is { error: string } => "error" in sample);
  const hits = samples.filter((sample) => "hit" in sample && sample.hit).length;
  const retried = samples.filter((sample) => sample.retried === true).length;
  const budget = transportRetryBudget(plan.n);
  const details = { ...planDetails(plan), hitLabel: check.hitLabel, hits, errors: errors.length, share: Number((hits / plan.n).toFixed(4)), failedRequests: errors.length, transportRetries: retried, transportRetryBudget: budget };
  if (retried > budget) {
    return { ok: false, seen: `${retried} of ${plan.n} requests broke before any response byte and were sent again, over the budget of ${budget} (${TRANSPORT_RETRY_BUDGET * 100}% of the sample): the connection to the cluster is not reliable enough to judge; the sample fails`, details };
  }
  if (errors.length > 0) {
    return { ok: false, seen: `${errors.length} of ${plan.n} requests failed or were invalid after the route was ready (first: ${errors[0]?.error}); the sample fails`, details };
  }
  const verdict = judgeWeighted(plan, hits, check.hitLabel);
  return { ok: verdict.passed, seen: verdict.reason, details };
}

// An evaluation function for pollUntil: wait for one valid answer, then one sample of n judged against the band.
export function prepareWeightedCheck(check: WeightedCheck, ctx: LabContext): () => Promise<Evaluation> {
  const plan = planOf(check);
  const sendOne = async (retried = false): Promise<Sample> => {
    const mark = retried ? { retried: true as const } : {};
    try {
      const result = await ctx.probe.http(check.request, ctx.signal);
      const invalid = check.valid === undefined ? undefined : judgeHttpResponse(check.valid, result, undefined);
      if (invalid !== undefined) return { error: `invalid response: ${invalid}`, ...mark };
      return { hit: evaluateMatcher(check.hit, result.body, "body") === undefined, ...mark };
    } catch (error) {
      if (!(error instanceof ProbeError)) throw error;
      if (error.beforeResponse && !retried) return sendOne(true);
      return { error: error.message, ...mark };
    }
  };
  return prepareSampleOnce<Sample>({
    size: plan.n,
    concurrency: WEIGHTED_CONCURRENCY,
    send: () => sendOne(),
    notReady: (sample) => ("error" in sample ? sample.error : undefined),
    judge: (samples) => judgeSample(check, plan, samples),
  });
}

/** The weighted check kind: one sample of n judged against the plan's band. */
export const weightedCheckKind: PolledCheckKind<WeightedCheck> = {
  /** The deadline bounds the wait for a first valid answer; the sample itself is taken once. */
  timing: { timeoutMs: 120_000, intervalMs: 1_000 },
  describe: (check, { probe }) => ({ expected: describePlan(planOf(check), check.hitLabel), command: probe.equivalent(check.request, "http") }),
  prepare: (check, ctx) => prepareWeightedCheck(check, ctx),
  detailsWithAttempts: true,
  matchers: (check) => [{ where: "hit", matcher: check.hit }, ...(check.valid === undefined ? [] : httpMatchers(check.valid, "valid"))],
  sampled: () => true,
};
