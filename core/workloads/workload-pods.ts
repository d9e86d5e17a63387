// The pods of a Deployment, found the way kubectl does: by its spec.selector.matchLabels.

import { failedError } from "../errors.js";
import type { Kube, KubeObject } from "../kube.js";
import type { WorkloadRef } from "./workload-ref.js";

// The apiVersion and kind of a Deployment.
export const DEPLOYMENT = { apiVersion: "apps/v1", kind: "Deployment" } as const;

// The ObjectRef of a workload's Deployment.
export function deploymentRef(workload: WorkloadRef) {
  return { ...DEPLOYMENT, name: workload.deployment, namespace: workload.namespace };
}

// "app=catalog,version=v1" from a Deployment's spec.selector.matchLabels.
export function selectorOf(deployment: KubeObject): string {
  const spec = deployment["spec"] as { selector?: { matchLabels?: Record<string, string> } } | undefined;
  const labels = spec?.selector?.matchLabels ?? {};
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
  if (pairs.length === 0) throw failedError(`deployment/${deployment.metadata.name} has no spec.selector.matchLabels.`);
  return pairs.join(",");
}

// Every pod of the workload (any phase), or undefined when the Deployment does not exist.
export async function findWorkloadPods(kube: Kube, workload: WorkloadRef): Promise<KubeObject[] | undefined> {
  const deployment = await kube.get(deploymentRef(workload));
  if (deployment === undefined) return undefined;
  return kube.list({ apiVersion: "v1", kind: "Pod", namespace: workload.namespace, labelSelector: selectorOf(deployment) });
}

// Every pod of the workload (any phase); fails when the Deployment does not exist.
export async function listWorkloadPods(kube: Kube, workload: WorkloadRef): Promise<KubeObject[]> {
  const pods = await findWorkloadPods(kube, workload);
  if (pods === undefined) {
    throw failedError(`deployment/${workload.deployment} does not exist in namespace ${workload.namespace}.`, {
      hint: "An earlier step should have deployed it; run the lab from the start.",
    });
  }
  return pods;
}

// Whether a pod is Running, Ready and not being deleted.
export function isRunningAndReady(pod: KubeObject): boolean {
  const status = pod["status"] as { phase?: string; conditions?: Array<{ type?: string; status?: string }> } | undefined;
  if (pod.metadata["deletionTimestamp"] !== undefined) return false;
  if (status?.phase !== "Running") return false;
  return (status.conditions ?? []).some((condition) => condition.type === "Ready" && condition.status === "True");
}

// The name of the first Running+Ready pod of the workload (what `kubectl exec deploy/x` would pick).
export async function pickReadyPod(kube: Kube, workload: WorkloadRef): Promise<string> {
  const pods = await listWorkloadPods(kube, workload);
  const ready = pods.find(isRunningAndReady);
  if (ready === undefined) {
    throw failedError(`deployment/${workload.deployment} in ${workload.namespace} has no Running and Ready pod (${pods.length} pod(s)).`, {
      hint: `Look at \`kubectl get pods -n ${workload.namespace}\`; a rollout step should have waited for it.`,
    });
  }
  return ready.metadata.name;
}
