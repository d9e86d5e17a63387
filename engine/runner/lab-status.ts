import type { CheckOutcome } from "../check-outcome.js";
import type { Check, Step } from "../lab-types.js";
import type { LabStatus, StepResult, StepStatus } from "./lab-result.js";

// A step that ran to the end: failed if a check failed, skipped if a check was skipped, else passed.
export function statusOfChecks(checks: readonly CheckOutcome[]): StepStatus {
  if (checks.some((c) => c.status === "failed")) return "failed";
  if (checks.some((c) => c.status === "skipped")) return "skipped";
  return "passed";
}

// A lab passes only when every step passed; a skipped check makes it incomplete, never passed.
export function statusOfLab(steps: readonly StepResult[]): LabStatus {
  if (steps.some((s) => s.status === "failed")) return "failed";
  if (steps.length === 0 || steps.some((s) => s.status !== "passed")) return "incomplete";
  return "passed";
}

// The checks --self-test runs before a step's actions: the step's flag, overridden per check.
export function selfTestChecks(step: Step): Check[] {
  return step.checks.filter((check) => check.mustFailFirst ?? step.mustFailFirst ?? false);
}

// The reason a skipped check gives, for the terminal and the JUnit <skipped> message.
export function skipReasons(checks: readonly CheckOutcome[]): string {
  return checks
    .filter((c) => c.status === "skipped")
    .map((c) => `${c.title}: ${c.seen}`)
    .join("; ");
}
