// Runs one of a lab's own checks through the engine's real check code, with only the process edge faked:
// istioctl answers from the golden files of one state.

import type { CheckOutcome } from "../../../engine/check-outcome.js";
import { runCheck } from "../../../engine/execute/run-check.js";
import type { Check } from "../../../engine/lab-types.js";
import { createTestContext, createTestState } from "../../engine/execute/helpers/test-context.js";
import { createGoldenExec } from "./golden-istioctl.js";

// The outcome of `check` (one attempt, as --self-test runs it) on the proxies of `stateDir`.
export async function judgeOnGolden(check: Check, labId: string, stateDir: string): Promise<CheckOutcome> {
  const golden = createGoldenExec(stateDir);
  const { ctx } = createTestContext({ exec: golden.exec });
  try {
    return await runCheck(check, ctx, createTestState(labId), { stepStartedAt: new Date(0), singleAttempt: true });
  } finally {
    ctx.probe.close();
  }
}
