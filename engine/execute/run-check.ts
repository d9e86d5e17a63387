// Runs one Check and says what happened: expected, last seen, the equivalent command, attempts, time.
// A check that needs internet egress is skipped (never passed) on a cluster without it.

import { describeError } from "../../core/errors.js";
import type { Check } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { CheckOutcome } from "../check-outcome.js";
import type { RunState } from "../run-state.js";
import type { RunCheckOptions } from "../step-executor.js";
import { pollTimingOf } from "./check-defaults.js";
import { describeCheck } from "./describe-check.js";
import { targetCommand } from "../../core/command-target.js";
import { clip, pollUntil, type Evaluation, type PollResult } from "./poll.js";
import { ensureEgressKnown, noEgressReason } from "./checks/egress.js";
import { prepareExecCheck } from "./checks/exec-check.js";
import { prepareHttpCheck } from "./checks/http-check.js";
import { prepareIstioctlCheck } from "./checks/istioctl-check.js";
import { prepareLogsCheck } from "./checks/logs-check.js";
import { prepareObjectCheck } from "./checks/object-check.js";
import { prepareProxyConfigCheck } from "./checks/proxy-config-check.js";
import { runSequenceCheck } from "./checks/sequence-check.js";
import { prepareTcpCheck } from "./checks/tcp-check.js";
import { prepareWeightedCheck } from "./checks/weighted-check.js";

/** The longest `seen` an outcome carries. */
const SEEN_MAX = 1_500;

// The evaluation one attempt of this check makes.
async function prepareEvaluation(check: Exclude<Check, { kind: "sequence" }>, ctx: LabContext, options: RunCheckOptions): Promise<() => Promise<Evaluation>> {
  switch (check.kind) {
    case "http":
      return prepareHttpCheck(check, ctx);
    case "tcp":
      return prepareTcpCheck(check, ctx);
    case "weighted":
      return prepareWeightedCheck(check, ctx);
    case "proxy-config":
      return prepareProxyConfigCheck(check, ctx);
    case "logs":
      return prepareLogsCheck(check, ctx, options.logsSince ?? options.stepStartedAt);
    case "exec":
      return prepareExecCheck(check, ctx);
    case "object":
      return prepareObjectCheck(check, ctx);
    case "istioctl":
      return prepareIstioctlCheck(check, ctx);
  }
}

// Polls (or, for a sequence, watches) until the check holds or its deadline passes.
async function evaluateCheck(check: Check, ctx: LabContext, options: RunCheckOptions): Promise<PollResult> {
  const timing = pollTimingOf(check);
  const singleAttempt = options.singleAttempt === true;
  if (check.kind === "sequence") return runSequenceCheck(check, ctx, { timeoutMs: timing.timeoutMs, singleAttempt });
  const evaluate = await prepareEvaluation(check, ctx, options);
  const onRetry = (attempts: number, seen: string): void => ctx.log(`${check.title}: attempt ${attempts} not yet: ${seen.split("\n")[0] ?? ""}`);
  return pollUntil(evaluate, { ...timing, singleAttempt, now: ctx.now, sleep: ctx.sleep, signal: ctx.signal, onRetry });
}

// describeCheck, or a placeholder naming the problem when the check's definition is invalid.
function describeSafely(check: Check, ctx: LabContext, options: RunCheckOptions): { expected: string; command: string } {
  try {
    const described = describeCheck(check, ctx.probe, { stepStartedAt: options.logsSince ?? options.stepStartedAt });
    return { ...described, command: targetCommand(described.command, ctx.cluster) };
  } catch (error) {
    return { expected: `(invalid check: ${describeError(error)})`, command: "" };
  }
}

// The outcome of `check`; only an abort (Ctrl-C) throws.
export async function runCheck(check: Check, ctx: LabContext, state: RunState, options: RunCheckOptions): Promise<CheckOutcome> {
  const startedAt = ctx.now();
  const described = describeSafely(check, ctx, options);
  const outcome = (status: CheckOutcome["status"], seen: string, attempts: number, details?: Record<string, string | number>): CheckOutcome => ({
    title: check.title,
    kind: check.kind,
    status,
    ...described,
    seen: clip(seen, SEEN_MAX),
    attempts,
    durationMs: ctx.now() - startedAt,
    ...(details === undefined ? {} : { details }),
    ...(check.mirrorSide === undefined ? {} : { mirrorSide: check.mirrorSide }),
  });
  if (check.needsEgress === true && !(await ensureEgressKnown(ctx, state))) {
    return outcome("skipped", noEgressReason(ctx.cluster.nodeContainer), 0);
  }
  try {
    const result = await evaluateCheck(check, ctx, options);
    const details = check.kind === "weighted" ? { ...result.details, attempts: result.attempts } : result.details;
    const done = outcome(result.ok ? "passed" : "failed", result.seen, result.attempts, details);
    return result.timeline === undefined ? done : { ...done, timeline: result.timeline };
  } catch (error) {
    ctx.signal.throwIfAborted();
    return outcome("failed", `the check could not run: ${describeError(error)}`, 1);
  }
}
