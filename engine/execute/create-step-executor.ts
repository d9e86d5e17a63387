// The StepExecutor the runner drives: actions and checks as data, performed through the three edges.

import type { StepExecutor } from "../step-executor.js";
import { runAction } from "./run-action.js";
import { runCheck } from "./run-check.js";

// A stateless executor; per-run state (traffic loops, egress) lives in the RunState it is given.
export function createStepExecutor(): StepExecutor {
  return { runAction, runCheck };
}
