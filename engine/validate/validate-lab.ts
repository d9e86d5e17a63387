// A lab definition's own soundness, checked when a lab is loaded to run or to plan: every step proves
// something, every matcher can fail, every sampled check has a gate, every count has a bound.

import { LabError } from "../../core/errors.js";
import { validateMatcher } from "../checks/matchers.js";
import type { Check, LabDefinition, LabOptions, Step } from "../lab-types.js";
import { checkKindOf } from "../execute/check-kind.js";
import { CHECK_KINDS } from "../execute/check-kinds.js";

// A check that judges many responses at once ("every response", "about 10%"): it needs a gate before it.
export function isSampledCheck(check: Check): boolean {
  return checkKindOf(CHECK_KINDS, check).sampled?.(check) === true;
}

// A check that shows the change reached the control plane or the changed state: proxy-config, a watched or read object, an exec.
function isGate(check: Check): boolean {
  return checkKindOf(CHECK_KINDS, check).gate === true;
}

// Its matchers' problems, its kind's own, then a missing gate; each named with the step and the check.
function checkProblems(check: Check, index: number, step: Step): string[] {
  const kind = checkKindOf(CHECK_KINDS, check);
  const matchers = kind.matchers?.(check) ?? [];
  const problems = matchers.flatMap(({ where, matcher }) => validateMatcher(matcher).map((problem) => `${where}: ${problem}`));
  problems.push(...(kind.problems?.(check) ?? []));
  if (isSampledCheck(check) && !step.checks.slice(0, index).some(isGate)) {
    problems.push("a sampled check needs a gate before it in its step (the proxy-config check that the route is in place, or the watched state)");
  }
  return problems.map((problem) => `step '${step.title}', check '${check.title}': ${problem}`);
}

// Every problem of the lab's definition under these options; empty when it is sound.
export function validateLab(lab: LabDefinition, options: LabOptions): string[] {
  return lab.steps(options).flatMap((step) => [
    ...(step.checks.length === 0 ? [`step '${step.title}' has no checks: a step must prove its change`] : []),
    ...step.checks.flatMap((check, index) => checkProblems(check, index, step)),
  ]);
}

// Throws a LabError listing the problems when the lab's definition is unsound.
export function assertValidLab(lab: LabDefinition, options: LabOptions): void {
  const problems = validateLab(lab, options);
  if (problems.length === 0) return;
  throw new LabError("usage", `Lab '${lab.id}' is not a sound definition: ${problems.join("; ")}`, {
    hint: `Fix labs/${lab.id}: every step needs a check, every matcher must be able to fail, sampled checks need a gate.`,
  });
}
