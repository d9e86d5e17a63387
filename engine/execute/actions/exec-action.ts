// `kubectl exec -n <ns> deploy/<name> -c <container> -- <command>` in the first Running+Ready pod.

import { failedError } from "../../../core/errors.js";
import { tailLines } from "../../../core/exec.js";
import type { LabContext } from "../../lab-context.js";
import type { Action, WorkloadRef } from "../../lab-types.js";
import { pickReadyPod } from "../../../core/workloads/workload-pods.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";

/** The `exec` action of the lab data model. */
export type ExecAction = Extract<Action, { kind: "exec" }>;

// Runs the command; a non-zero exit fails the step with the command's stderr.
export async function runExecAction(action: ExecAction, ctx: LabContext): Promise<void> {
  const { namespace, deployment } = action.workload;
  const pod = await pickReadyPod(ctx.kube, action.workload);
  ctx.log(`exec in ${namespace}/${pod} -c ${action.container}: ${action.command.join(" ")}`);
  const result = await ctx.kube.exec(namespace, pod, action.container, action.command);
  if (result.exitCode !== 0) {
    const output = tailLines(result.stderr || result.stdout, 10);
    throw failedError(`The command in ${deployment} (${action.container}) exited with ${result.exitCode}: ${action.command.join(" ")}\n${output}`, {
      hint: `Run it by hand: kubectl exec -n ${namespace} deploy/${deployment} -c ${action.container} -- ${action.command.join(" ")}`,
    });
  }
}

// `kubectl exec -n <ns> deploy/<name> -c <container> -- <command>`.
export function kubectlExecLine(kubectl: string, workload: WorkloadRef, container: string, command: readonly string[]): string {
  return formatCommand(kubectl, ["exec", "-n", workload.namespace, `deploy/${workload.deployment}`, "-c", container, "--", ...command]);
}

/** The exec action kind. */
export const execActionKind: ActionKind<ExecAction> = {
  run: (action, ctx) => runExecAction(action, ctx),
  describe: (action, { kubectl }) => kubectlExecLine(kubectl, action.workload, action.container, action.command),
};
