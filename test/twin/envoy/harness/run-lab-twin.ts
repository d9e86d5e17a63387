// A lab's own checks, step by step, against a twin world: before a step, each of its must-fail-first checks
// runs once and must fail (as --self-test does); then the twin applies the step, and every check must pass.

import type { CheckOutcome } from "../../../../engine/check-outcome.js";
import type { Check, LabDefinition, Step } from "../../../../engine/lab-types.js";
import type { LabContext } from "../../../../engine/lab-context.js";
import { runCheck } from "../../../../engine/execute/run-check.js";
import { createTestState } from "../../../engine/execute/helpers/test-context.js";

/** What the twin does for a step (start Envoy with the step's config, swap a stand-in, ...). */
export type ApplyStep = (step: Step, stepIndex: number) => Promise<void>;

/** One check's result in the twin. */
export interface TwinCheckResult {
  name: string;
  phase: "before" | "after";
  outcome: CheckOutcome;
  /** Passed when it should fail before its step, or failed after it. */
  wrong: boolean;
}

export interface TwinLabResult {
  labId: string;
  results: TwinCheckResult[];
  /** Checks run after their step (and passing or not). */
  checksRun: number;
  /** Must-fail-first checks run before their step. */
  mustFailRun: number;
  /** One line per wrong result, with what the check saw. */
  problems: string[];
}

export interface RunLabTwinOptions {
  /** Which checks the twin can judge (e.g. traffic only); the others are not run. */
  judges: (check: Check) => boolean;
  /** Steps (0-based) the twin reproduces; default every step. */
  steps?: readonly number[];
  /** A polled check's deadline in the twin, where Envoy is ready before any check runs. */
  deadlineMs?: number;
}

const mustFailFirstOf = (step: Step, check: Check): boolean => check.mustFailFirst ?? step.mustFailFirst ?? false;

// Runs the lab; never throws for a wrong check (the caller asserts on `problems`).
export async function runLabTwin(lab: LabDefinition, ctx: LabContext, apply: ApplyStep, options: RunLabTwinOptions): Promise<TwinLabResult> {
  const state = createTestState(lab.id);
  const results: TwinCheckResult[] = [];
  const steps = lab.steps({ fast: false });
  for (const [index, step] of steps.entries()) {
    if (options.steps !== undefined && !options.steps.includes(index)) continue;
    const checks = step.checks.filter(options.judges);
    for (const check of checks.filter((candidate) => mustFailFirstOf(step, candidate))) {
      const outcome = await runCheck(check, ctx, state, { stepStartedAt: new Date(), singleAttempt: true });
      results.push({ name: nameOf(lab, index, check), phase: "before", outcome, wrong: outcome.status !== "failed" });
    }
    const stepStartedAt = new Date();
    await apply(step, index);
    for (const check of checks) {
      const timed = { ...check, timeoutMs: Math.min(check.timeoutMs ?? Infinity, options.deadlineMs ?? 15_000) };
      const outcome = await runCheck(timed, ctx, state, { stepStartedAt });
      results.push({ name: nameOf(lab, index, check), phase: "after", outcome, wrong: outcome.status !== "passed" });
    }
  }
  const problems = results.filter((result) => result.wrong).map(({ name, phase, outcome }) => `${name} (${phase} its step) ${outcome.status}: ${outcome.seen}`);
  return {
    labId: lab.id,
    results,
    checksRun: results.filter((result) => result.phase === "after").length,
    mustFailRun: results.filter((result) => result.phase === "before").length,
    problems,
  };
}

const nameOf = (lab: LabDefinition, index: number, check: Check): string => `${lab.id} › step ${index + 1} › ${check.title}`;
