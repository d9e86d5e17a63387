import type { CheckOutcome } from "../check-outcome.js";
import type { LabFailure, LabStop } from "./lab-result.js";

// Failure records and the messages a person reads: what was expected, what was seen, how to look.

export const RESET_HINT = "run `npm run lab reset` to bring the cluster back to the baseline";

// A check that did not pass before its deadline.
export function checkFailure(step: string, outcome: CheckOutcome): LabFailure {
  return {
    step,
    message: `check failed: ${outcome.title}`,
    expected: outcome.expected,
    seen: outcome.seen,
    command: outcome.command,
  };
}

// --self-test: a check that already passed before its step changed anything proves nothing.
export function weakCheckFailure(step: string, outcome: CheckOutcome): LabFailure {
  return {
    step,
    message: `weak check: ${outcome.title} passed before ${step} changed anything`,
    expected: `to fail before the step's actions (${outcome.expected})`,
    seen: outcome.seen,
    command: outcome.command,
  };
}

// An action (apply, patch, exec, ...) that threw.
export function actionFailure(step: string, command: string, error: string): LabFailure {
  return { step, message: `action failed: ${command}`, expected: "the action to succeed", seen: error, command };
}

// Ctrl-C or `quit`: which step was running (or about to run) and how to get back to a clean state.
export function stopRecord(step: string, by: LabStop["by"], when: "before" | "during"): LabStop {
  const what = by === "ctrl-c" ? (when === "during" ? `Interrupted during step '${step}'` : `Interrupted before step '${step}'`) : `Stopped before step '${step}' at your request`;
  return { step, by, message: `${what}; the cluster may be half-way through the lab: ${RESET_HINT}.` };
}

// The lines shown under a failed task and after the run.
export function formatFailure(failure: LabFailure): string {
  return [
    failure.message,
    `  expected: ${failure.expected}`,
    `  seen:     ${indentTail(failure.seen, "            ")}`,
    `  see it yourself: ${failure.command}`,
  ].join("\n");
}

function indentTail(text: string, pad: string): string {
  return text.trimEnd().split("\n").join("\n" + pad);
}
