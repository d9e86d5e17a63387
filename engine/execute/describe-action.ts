// The command a person would type for an action (`--context kind-myk8s` left out, `-n <ns>` kept),
// for --dry-run, the step view and the docs, from its kind's module. Pure: nothing here touches the
// cluster or the disk.

import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import type { Action } from "../lab-types.js";
import { actionKindOf, type ActionKinds, type ActionLike } from "./action-kind.js";
import { ACTION_KINDS } from "./action-kinds.js";

export { describeCheck } from "./describe-check.js";
export { objectArgs } from "./actions/delete-action.js";
export { dockerLine } from "./actions/docker-action.js";
export { kubectlExecLine } from "./actions/exec-action.js";
export { trafficLoopLine } from "./actions/traffic-action.js";

/** Where the files an action uses live, when known (else placeholders are printed). */
export interface DescribePaths {
  /** The run's folder, where the IstioOperator is rendered. */
  workDir?: string;
  /** The certificate store's folder. */
  certDir?: string;
}

// describeAction with the kinds of `kinds` (a registry extended by a test, say).
export function describeActionIn<A extends ActionLike>(kinds: ActionKinds<A>, action: A, tools?: ToolPaths, paths: DescribePaths = {}): string {
  return actionKindOf(kinds, action).describe(action, {
    kubectl: tools?.kubectl ?? "kubectl",
    istioctl: tools?.istioctl ?? "istioctl",
    certDir: paths.certDir ?? "<certs>",
    workDir: paths.workDir ?? ".",
  });
}

// The command line a person would type for `action`.
export function describeAction(action: Action, tools?: ToolPaths, paths: DescribePaths = {}): string {
  return describeActionIn(ACTION_KINDS, action, tools, paths);
}
