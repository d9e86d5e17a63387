// Re-installs Istio from our IstioOperator with another outbound traffic policy, istiod environment or
// mesh-wide access log (`istioctl install -y -f`), then waits for istiod. The operator declares the NodePorts,
// so a re-install keeps them.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import type { RunState } from "../../run-state.js";
import { operatorFileName } from "../operator-file.js";
import { runRolloutAction } from "./rollout-action.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";
import { refuseInstallOnTwin } from "./twin-install-guard.js";

/** The `mesh-config` action of the lab data model. */
export type MeshConfigAction = Extract<Action, { kind: "mesh-config" }>;

/** istioctl install waits for the control plane itself (--readiness-timeout 300 s); give it a margin. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;

// Renders the operator into the run's folder, installs it and waits for istiod's rollout.
export async function runMeshConfigAction(action: MeshConfigAction, ctx: LabContext, state: RunState): Promise<void> {
  refuseInstallOnTwin(ctx, "re-install Istio with another mesh config");
  const { renderIstioOperatorYaml } = await import("../../../cluster/istio/istio-operator-yaml.js");
  const yaml = await renderIstioOperatorYaml({
    outboundTrafficPolicy: action.outboundTrafficPolicy,
    ...(action.pilotEnv === undefined ? {} : { pilotEnv: action.pilotEnv }),
    ...(action.accessLogFile === undefined ? {} : { accessLogFile: action.accessLogFile }),
  });
  await mkdir(state.workDir, { recursive: true });
  const file = join(state.workDir, operatorFileName(action.outboundTrafficPolicy, action));
  await writeFile(file, yaml, "utf8");
  await ctx.exec(ctx.tools.istioctl, ["install", "-y", "--context", ctx.kube.context, "-f", file], { signal: ctx.signal, timeoutMs: INSTALL_TIMEOUT_MS });
  await runRolloutAction({ kind: "rollout", workload: { namespace: "istio-system", deployment: "istiod" } }, ctx);
}

/** The mesh-config action kind. */
export const meshConfigActionKind: ActionKind<MeshConfigAction> = {
  run: (action, ctx, state) => runMeshConfigAction(action, ctx, state),
  describe: (action, { istioctl, workDir }) => formatCommand(istioctl, ["install", "-y", "-f", join(workDir, operatorFileName(action.outboundTrafficPolicy, action))]),
};
