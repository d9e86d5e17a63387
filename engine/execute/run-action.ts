// Runs one Action against the edges: the dispatch from action data to the module that does it.

import type { Action } from "../lab-types.js";
import type { LabContext } from "../lab-context.js";
import type { RunState } from "../run-state.js";
import { runApplyAction } from "./actions/apply-action.js";
import { runDeleteAction } from "./actions/delete-action.js";
import { runDockerAction } from "./actions/docker-action.js";
import { runExecAction } from "./actions/exec-action.js";
import { runIstioctlAction } from "./actions/istioctl-action.js";
import { runMeshConfigAction } from "./actions/mesh-config-action.js";
import { runRolloutAction } from "./actions/rollout-action.js";
import { runTlsSecretAction } from "./actions/tls-secret-action.js";
import { runTrafficAction } from "./actions/traffic-action.js";

// Performs the action; failures are LabErrors that say what failed and what to do.
export async function runAction(action: Action, ctx: LabContext, state: RunState): Promise<void> {
  ctx.signal.throwIfAborted();
  switch (action.kind) {
    case "apply":
      return runApplyAction(action, ctx);
    case "delete":
      return runDeleteAction(action, ctx);
    case "exec":
      return runExecAction(action, ctx);
    case "rollout":
      return runRolloutAction(action, ctx);
    case "mesh-config":
      return runMeshConfigAction(action, ctx, state);
    case "tls-secret":
      return runTlsSecretAction(action, ctx);
    case "traffic":
      return runTrafficAction(action, ctx, state);
    case "istioctl":
      return runIstioctlAction(action, ctx);
    case "docker":
      return runDockerAction(action, ctx);
  }
}
