// `kubectl rollout status deploy/<name>` (or `kubectl wait --for=delete`), through the API with a deadline;
// on timeout it says why the pods are not ready.

import { describeError, failedError } from "../../../core/errors.js";
import type { KubeObject } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { deploymentRef, listWorkloadPods } from "../../../core/workloads/workload-pods.js";
import { watchObjectUntil } from "../watch-object.js";
import { describeRolloutProgress, isRolledOut } from "../../../core/workloads/rollout-status.js";
import { diagnosePods } from "../../../core/workloads/rollout-diagnosis.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";

// How long a rollout may take by default (kubectl's rollout status has none; images can be slow to pull).
export const ROLLOUT_TIMEOUT_MS = 180_000;

/** The `rollout` action of the lab data model. */
export type RolloutAction = Extract<Action, { kind: "rollout" }>;

// Waits until the Deployment has all replicas updated and available (or is gone); fails with a diagnosis.
export async function runRolloutAction(action: RolloutAction, ctx: LabContext, options: { timeoutMs?: number } = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? ROLLOUT_TIMEOUT_MS;
  const { namespace, deployment } = action.workload;
  const wanted = (object: KubeObject | undefined): boolean => (action.gone === true ? object === undefined : object !== undefined && isRolledOut(object));
  const outcome = await watchObjectUntil(ctx, deploymentRef(action.workload), wanted, timeoutMs);
  if (outcome.reached) return;
  const seconds = Math.round(timeoutMs / 1000);
  if (action.gone === true) {
    throw failedError(`deployment/${deployment} in ${namespace} still exists after ${seconds} s.`, {
      hint: `Look at its finalizers: kubectl get deployment ${deployment} -n ${namespace} -o yaml`,
    });
  }
  if (outcome.last === undefined) {
    throw failedError(`deployment/${deployment} does not exist in ${namespace} (waited ${seconds} s).`, {
      hint: "The step that applies it should come before this wait; check the lab definition.",
    });
  }
  const listed = await listWorkloadPods(ctx.kube, action.workload).then(
    (pods) => ({ pods, error: undefined }),
    (error: unknown) => ({ pods: [], error: `its pods could not be listed: ${describeError(error)}` }),
  );
  const diagnosis = await diagnosePods(ctx.kube, namespace, listed.pods);
  if (listed.error !== undefined) diagnosis.lines.unshift(listed.error);
  throw failedError(
    `deployment/${deployment} in ${namespace} did not become ready within ${seconds} s (${describeRolloutProgress(outcome.last)}):\n${diagnosis.lines.join("\n")}`,
    { hint: diagnosis.hint },
  );
}

/** The rollout action kind. */
export const rolloutActionKind: ActionKind<RolloutAction> = {
  run: (action, ctx) => runRolloutAction(action, ctx),
  describe: (action, { kubectl }) => {
    const { namespace, deployment } = action.workload;
    if (action.gone === true) return formatCommand(kubectl, ["wait", "--for=delete", "-n", namespace, `deploy/${deployment}`, "--timeout=180s"]);
    return formatCommand(kubectl, ["rollout", "status", "-n", namespace, `deploy/${deployment}`]);
  },
};
