// The parts of a Pod the twin's runtime reads.

import type { KubeObject } from "../../../core/kube.js";

export interface PodContainer {
  name: string;
  image?: string;
  env?: { name: string; value?: string }[];
  ports?: { containerPort: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
}

export interface PodView {
  uid: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ip: string | undefined;
  deleting: boolean;
  running: boolean;
  serviceAccount: string;
  containers: PodContainer[];
  volumes: { name: string; secret?: { secretName?: string } }[];
}

export function viewPod(object: KubeObject): PodView {
  const spec = (object["spec"] ?? {}) as { containers?: PodContainer[]; volumes?: PodView["volumes"]; serviceAccountName?: string };
  const status = (object["status"] ?? {}) as { podIP?: string; phase?: string };
  return {
    uid: String(object.metadata["uid"] ?? ""),
    name: object.metadata.name,
    namespace: object.metadata.namespace ?? "default",
    labels: object.metadata.labels ?? {},
    annotations: object.metadata.annotations ?? {},
    ip: status.podIP,
    deleting: object.metadata["deletionTimestamp"] !== undefined,
    running: status.phase === "Running",
    serviceAccount: spec.serviceAccountName ?? "default",
    containers: spec.containers ?? [],
    volumes: spec.volumes ?? [],
  };
}

export const envOf = (container: PodContainer, name: string): string | undefined => container.env?.find((variable) => variable.name === name)?.value;

/** The Deployment a ReplicaSet pod belongs to: its name without the two generated suffixes. */
export function workloadNameOf(pod: PodView): string {
  return pod.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, "");
}
