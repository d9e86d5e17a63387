import type { Kube } from "../core/kube.js";
import { SNAPSHOT_KINDS } from "./snapshot-kinds.js";

// Objects every namespace has without any lab: the default ServiceAccount (and its 1.23 token Secret),
// the cluster CA ConfigMap and the mesh CA ConfigMap istiod writes into every namespace.
const BUILT_IN = new Set(["ServiceAccount default", "ConfigMap kube-root-ca.crt", "ConfigMap istio-ca-root-cert"]);

const WORKLOAD_KINDS = [
  { apiVersion: "v1", kind: "Pod" },
  { apiVersion: "apps/v1", kind: "Deployment" },
  { apiVersion: "apps/v1", kind: "StatefulSet" },
  { apiVersion: "apps/v1", kind: "DaemonSet" },
  { apiVersion: "batch/v1", kind: "Job" },
  { apiVersion: "v1", kind: "Service" },
  { apiVersion: "v1", kind: "ConfigMap" },
  { apiVersion: "v1", kind: "Secret" },
  { apiVersion: "v1", kind: "ServiceAccount" },
];

// What a lab left in a namespace ("Deployment webapp", "Gateway coolstore-gateway"); [] for a fresh namespace.
export async function findLabContent(kube: Kube, namespace: string): Promise<string[]> {
  const kinds = [...WORKLOAD_KINDS, ...SNAPSHOT_KINDS.filter((k) => k.scope === "all-namespaces")];
  const lists = await Promise.all(
    kinds.map(async ({ apiVersion, kind }) =>
      (await kube.list({ apiVersion, kind, namespace }))
        .filter((o) => !(kind === "Secret" && o["type"] === "kubernetes.io/service-account-token"))
        .map((o) => `${kind} ${o.metadata.name}`),
    ),
  );
  return lists.flat().filter((entry) => !BUILT_IN.has(entry));
}
