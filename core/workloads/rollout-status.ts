// Pure: whether a Deployment has rolled out, the way `kubectl rollout status` decides it.

import type { KubeObject } from "../kube.js";

interface DeploymentFields {
  spec?: { replicas?: number };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number };
}

// Done when the controller saw the latest spec and every replica is updated and available.
export function isRolledOut(deployment: KubeObject): boolean {
  const { spec, status } = deployment as unknown as DeploymentFields;
  const generation = (deployment.metadata["generation"] as number | undefined) ?? 0;
  const wanted = spec?.replicas ?? 1;
  if (status === undefined || (status.observedGeneration ?? 0) < generation) return false;
  const replicas = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  return updated === wanted && replicas === updated && available === updated;
}

// "1/2 updated, 0 available" for a timeout message.
export function describeRolloutProgress(deployment: KubeObject | undefined): string {
  if (deployment === undefined) return "the Deployment does not exist";
  const { spec, status } = deployment as unknown as DeploymentFields;
  const wanted = spec?.replicas ?? 1;
  return `${status?.updatedReplicas ?? 0}/${wanted} updated, ${status?.availableReplicas ?? 0} available, ${status?.replicas ?? 0} total`;
}
