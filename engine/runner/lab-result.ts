import type { CheckOutcome } from "../check-outcome.js";

// What running labs produced: the terminal summary, the JUnit report and summary.json all read this.

/** passed: every check passed; incomplete: nothing failed but something was not proven (a skipped check or step). */
export type LabStatus = "passed" | "failed" | "incomplete";

/** not-run: an earlier step failed, or the run stopped before this step. */
export type StepStatus = "passed" | "failed" | "skipped" | "not-run";

export interface ActionResult {
  /** The command a person would type for this action. */
  command: string;
  status: "passed" | "failed" | "not-run";
  error?: string;
}

export interface StepResult {
  title: string;
  status: StepStatus;
  durationMs: number;
  actions: ActionResult[];
  checks: CheckOutcome[];
  /** --self-test: the checks run once before the step's actions (each must fail). */
  selfTest?: CheckOutcome[];
  /** Why the step was skipped or not run. */
  reason?: string;
}

/** Why a lab failed: one line, then what was expected, what was last seen and how to see it yourself. */
export interface LabFailure {
  step: string;
  message: string;
  expected: string;
  seen: string;
  command: string;
}

/** The run stopped early: Ctrl-C, or `quit` in step mode. */
export interface LabStop {
  step: string;
  by: "ctrl-c" | "quit";
  message: string;
}

export interface LabResult {
  labId: string;
  status: LabStatus;
  durationMs: number;
  steps: StepResult[];
  failure?: LabFailure;
  stopped?: LabStop;
  /** The lab's cleanup actions (they run after success and failure). */
  cleanup: ActionResult[];
  diagnosticsDir?: string;
}
