import type { Action, Check } from "./lab-types.js";
import type { LabContext } from "./lab-context.js";
import type { CheckOutcome } from "./check-outcome.js";
import type { RunState } from "./run-state.js";

export interface RunCheckOptions {
  /** Logs checks read only what was written after this moment. */
  stepStartedAt: Date;
  /**
   * Where logs checks start reading instead (self-test: the previous step's start, the window before the
   * change), so a must-fail-first log check fails for the right reason, not because "since now" is empty.
   */
  logsSince?: Date;
  /** Self-test: evaluate once, no polling (the check is expected to fail). */
  singleAttempt?: boolean;
}

/** Runs the actions and checks of a step against a cluster; the runner drives it. */
export interface StepExecutor {
  runAction(action: Action, ctx: LabContext, state: RunState): Promise<void>;
  runCheck(check: Check, ctx: LabContext, state: RunState, options: RunCheckOptions): Promise<CheckOutcome>;
}
