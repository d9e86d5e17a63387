// The real Check objects of the registered labs, addressed the way a person reads a plan:
// lab id, step number (1-based, as in "Step 3/4") and check title.

import type { Check, LabDefinition, LabOptions, Step } from "../../../engine/lab-types.js";
import { LABS } from "../../../labs/registry.js";

/** One check of one step of one lab, with its effective mustFailFirst. */
export interface LabCheckEntry {
  lab: LabDefinition;
  stepNumber: number;
  step: Step;
  check: Check;
  mustFailFirst: boolean;
  /** `<lab> › step <n> › <check title>`. */
  name: string;
}

// Every check of every lab in registry order.
export function labCheckEntries(options: LabOptions = { fast: false }): LabCheckEntry[] {
  return LABS.flatMap((lab) =>
    lab.steps(options).flatMap((step, index) =>
      step.checks.map((check) => ({
        lab,
        stepNumber: index + 1,
        step,
        check,
        mustFailFirst: check.mustFailFirst ?? step.mustFailFirst ?? false,
        name: `${lab.id} › step ${index + 1} › ${check.title}`,
      })),
    ),
  );
}

// The registry's own Check object; throws when the lab, step or title does not exist (a renamed check must break the test).
export function findLabCheck(labId: string, stepNumber: number, title: string, options: LabOptions = { fast: false }): LabCheckEntry {
  const found = labCheckEntries(options).find((entry) => entry.lab.id === labId && entry.stepNumber === stepNumber && entry.check.title === title);
  if (found === undefined) throw new Error(`no check "${title}" in step ${stepNumber} of ${labId}`);
  return found;
}
