import type { Kube, KubeObject } from "../../core/kube.js";
import type { WorkloadRef } from "../lab-types.js";

// The pods of a Deployment, found through its selector's matchLabels.
export async function podsOfWorkload(kube: Kube, workload: WorkloadRef): Promise<KubeObject[]> {
  const deployment = await kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: workload.deployment, namespace: workload.namespace });
  if (!deployment) throw new Error(`deployment/${workload.deployment} not found in namespace ${workload.namespace}`);
  const labels = (deployment["spec"] as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
  if (labelSelector === "") throw new Error(`deployment/${workload.deployment} has no matchLabels selector`);
  return kube.list({ apiVersion: "v1", kind: "Pod", namespace: workload.namespace, labelSelector });
}

// The container names of a pod, in spec order (istio-proxy among them when injected).
export function containersOf(pod: KubeObject): string[] {
  const spec = pod["spec"] as { containers?: { name: string }[] } | undefined;
  return (spec?.containers ?? []).map((c) => c.name);
}
