// When `istioctl install` or `helm --wait` fails (usually "timed out waiting for the condition"), says why
// per pod: an image that cannot be pulled, a crash with its last log lines, a pod that cannot be scheduled.
import { LabError, describeError, isLabError } from "../../core/errors.js";
import type { PlatformDeps } from "./platform-types.js";
import { isDeploymentReady } from "./deployment-state.js";
import { diagnoseDeployments } from "./diagnose-deployments.js";

// The install error with the pod diagnosis of every named Deployment that is not ready; the error as it
// was when all are ready, the API does not answer, or the run was interrupted.
export async function explainInstallFailure(deps: PlatformDeps, error: unknown, namespace: string, names: readonly string[], waitedMs: number): Promise<unknown> {
  if (deps.signal.aborted) return error;
  try {
    const kube = await deps.kube();
    const pending: string[] = [];
    for (const name of names) {
      const deployment = await kube.get({ apiVersion: "apps/v1", kind: "Deployment", name, namespace });
      if (deployment === undefined || !isDeploymentReady(deployment)) pending.push(name);
    }
    if (pending.length === 0) return error;
    const diagnosis = await diagnoseDeployments(kube, namespace, pending, waitedMs);
    return new LabError(diagnosis.kind, `${describeError(error)}\n${diagnosis.message}`, { hint: diagnosis.hint ?? (isLabError(error) ? error.hint : undefined), cause: error });
  } catch {
    return error;
  }
}
