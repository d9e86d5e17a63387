// Runs one Check and says what happened: expected, last seen, the equivalent command, attempts, time.
// The check's kind module (check-kinds.ts) describes and judges it; this file polls, times and reports.
// A check that needs internet egress is skipped (never passed) on a cluster without it.

import { describeError } from "../../core/errors.js";
import type { Check } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { CheckOutcome } from "../check-outcome.js";
import type { RunState } from "../run-state.js";
import type { RunCheckOptions } from "../step-executor.js";
import { checkKindOf, type CheckDescription, type CheckKind, type CheckKinds, type CheckLike, type CheckRunInput } from "./check-kind.js";
import { CHECK_KINDS } from "./check-kinds.js";
import { pollTimingIn } from "./check-defaults.js";
import { describeCheckIn } from "./describe-check.js";
import { targetCommand } from "../../core/command-target.js";
import { clip, pollUntil, type PollResult } from "./poll.js";
import { ensureEgressKnown, noEgressReason } from "./checks/egress.js";

/** The longest `seen` an outcome carries. */
const SEEN_MAX = 1_500;

/** Runs one check of the union `C`; runCheck is the one for the lab data model's kinds. */
export type CheckRunner<C extends CheckLike> = (check: C, ctx: LabContext, state: RunState, options: RunCheckOptions) => Promise<CheckOutcome>;

// Polls (or, for a watched kind, lets it watch) until the check holds or its deadline passes.
async function evaluateCheck<C extends CheckLike>(kind: CheckKind<C>, check: C, ctx: LabContext, input: CheckRunInput): Promise<PollResult> {
  if ("watch" in kind) return kind.watch(check, ctx, input);
  const evaluate = await kind.prepare(check, ctx, input);
  const onRetry = (attempts: number, seen: string): void => ctx.log(`${check.title}: attempt ${attempts} not yet: ${seen.split("\n")[0] ?? ""}`);
  return pollUntil(evaluate, { ...input.timing, singleAttempt: input.singleAttempt, now: ctx.now, sleep: ctx.sleep, signal: ctx.signal, onRetry });
}

// The check's description, or a placeholder naming the problem when the check's definition is invalid.
function describeSafely<C extends CheckLike>(kinds: CheckKinds<C>, check: C, ctx: LabContext, options: RunCheckOptions): CheckDescription {
  try {
    const described = describeCheckIn(kinds, check, ctx.probe, { stepStartedAt: options.logsSince ?? options.stepStartedAt });
    return { ...described, command: targetCommand(described.command, ctx.cluster) };
  } catch (error) {
    return { expected: `(invalid check: ${describeError(error)})`, command: "" };
  }
}

// Judges the check through its kind's module and shapes the outcome's status, seen, details and timeline.
async function judgeCheck<C extends CheckLike>(kinds: CheckKinds<C>, check: C, ctx: LabContext, options: RunCheckOptions): Promise<PollResult> {
  const kind = checkKindOf(kinds, check);
  const input = { timing: pollTimingIn(kinds, check), singleAttempt: options.singleAttempt === true, since: options.logsSince ?? options.stepStartedAt };
  const result = await evaluateCheck(kind, check, ctx, input);
  return kind.detailsWithAttempts === true ? { ...result, details: { ...result.details, attempts: result.attempts } } : result;
}

// A runner for the kinds of `kinds`: a test extends the registry with a kind of its own and runs it here.
export function createCheckRunner<C extends CheckLike>(kinds: CheckKinds<C>): CheckRunner<C> {
  return async (check, ctx, state, options) => {
    const startedAt = ctx.now();
    const described = describeSafely(kinds, check, ctx, options);
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
      return outcome("skipped", noEgressReason(ctx.cluster.nodeContainer, state.egressSeen), 0);
    }
    try {
      const result = await judgeCheck(kinds, check, ctx, options);
      const done = outcome(result.ok ? "passed" : "failed", result.seen, result.attempts, result.details);
      return result.timeline === undefined ? done : { ...done, timeline: result.timeline };
    } catch (error) {
      ctx.signal.throwIfAborted();
      return outcome("failed", `the check could not run: ${describeError(error)}`, 1);
    }
  };
}

const runRegisteredCheck = createCheckRunner<Check>(CHECK_KINDS);

// The outcome of `check`; only an abort (Ctrl-C) throws.
export async function runCheck(check: Check, ctx: LabContext, state: RunState, options: RunCheckOptions): Promise<CheckOutcome> {
  return runRegisteredCheck(check, ctx, state, options);
}
