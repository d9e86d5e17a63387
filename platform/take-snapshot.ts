import type { Kube, KubeObject } from "../core/kube.js";
import { templateContainers } from "../cluster/install/deployment-state.js";
import { readMeshConfig } from "./mesh-config.js";
import { INJECTION_LABEL, ISTIO_SYSTEM, SNAPSHOT_KINDS, isExcludedFromSnapshot, type SnapshotKind } from "./snapshot-kinds.js";
import type { PlatformSnapshot, SnapshotObject } from "./snapshot-types.js";

// Reads everything the baseline covers, in parallel (about 20 list/get calls).
export async function takeSnapshot(kube: Kube, now: () => Date = () => new Date()): Promise<PlatformSnapshot> {
  const [kubeSystem, namespaces, objects, mesh, istiod] = await Promise.all([
    kube.get({ apiVersion: "v1", kind: "Namespace", name: "kube-system" }),
    kube.list({ apiVersion: "v1", kind: "Namespace" }),
    Promise.all(SNAPSHOT_KINDS.map((kind) => listKind(kube, kind))),
    readMeshConfig(kube),
    kube.get({ apiVersion: "apps/v1", kind: "Deployment", name: "istiod", namespace: ISTIO_SYSTEM }),
  ]);
  return {
    clusterId: String(kubeSystem?.metadata["uid"] ?? ""),
    context: kube.context,
    takenAt: now().toISOString(),
    namespaces: namespaces
      .map((ns) => ({ name: ns.metadata.name, injection: ns.metadata.labels?.[INJECTION_LABEL] ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    objects: objects.flat().sort(compareObjects),
    mesh: mesh ?? null,
    istiodEnv: istiod ? istiodEnvironment(istiod) : [],
  };
}

async function listKind(kube: Kube, kind: SnapshotKind): Promise<SnapshotObject[]> {
  const query = { apiVersion: kind.apiVersion, kind: kind.kind, ...(kind.scope === "istio-system" ? { namespace: ISTIO_SYSTEM } : {}) };
  const items = await kube.list(query);
  return items
    .filter((item) => !isExcludedFromSnapshot(kind.kind, item))
    .map((item) => ({ kind: kind.kind, name: item.metadata.name, ...(item.metadata.namespace ? { namespace: item.metadata.namespace } : {}) }));
}

// istiod's discovery container environment as NAME=value lines (valueFrom shown as NAME=<from>).
export function istiodEnvironment(istiod: KubeObject): string[] {
  const container = templateContainers(istiod).find((c) => c.name === "discovery") ?? templateContainers(istiod)[0];
  return (container?.env ?? []).map((e) => `${e.name}=${e.value ?? "<from>"}`).sort();
}

// The label used in comparisons and messages: "Gateway istioinaction/coolstore-gateway".
export function describeSnapshotObject(object: SnapshotObject): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ""}${object.name}`;
}

function compareObjects(a: SnapshotObject, b: SnapshotObject): number {
  return describeSnapshotObject(a).localeCompare(describeSnapshotObject(b));
}
