import type { Kube } from "../../core/kube.js";
import { isDeploymentReady } from "./deployment-state.js";
import { diagnoseDeployments } from "./diagnose-deployments.js";

export interface WaitDeploymentsOptions {
  namespace: string;
  names: readonly string[];
  timeoutMs: number;
  signal: AbortSignal;
}

// Watches the Deployments until all are rolled out; at the deadline, says per pod why not (pull, crash, pending).
export async function waitForDeploymentsReady(kube: Kube, options: WaitDeploymentsOptions): Promise<void> {
  const { namespace, names, timeoutMs, signal } = options;
  const pending = new Set(names);
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  await kube.watch(
    { apiVersion: "apps/v1", kind: "Deployment", namespace },
    (type, deployment) => {
      const name = deployment.metadata.name;
      if (!names.includes(name)) return false;
      if (type !== "DELETED" && isDeploymentReady(deployment)) pending.delete(name);
      else pending.add(name);
      return pending.size === 0;
    },
    deadline,
  );
  if (pending.size === 0) return;
  signal.throwIfAborted();
  throw await diagnoseDeployments(kube, namespace, [...pending], timeoutMs);
}
