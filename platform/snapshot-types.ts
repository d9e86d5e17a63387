import type { MeshConfigState } from "./mesh-config.js";

/** One object in a snapshot, by name only. */
export interface SnapshotObject {
  kind: string;
  /** Absent for cluster-scoped kinds (webhook configurations). */
  namespace?: string;
  name: string;
}

/** The parts of a cluster that make up the platform baseline, comparable with compareSnapshots. */
export interface PlatformSnapshot {
  /** uid of the kube-system namespace: which cluster this was taken on (a recreated cluster has another). */
  clusterId: string;
  /** The kube context it was taken through (absent in files written before it was recorded). */
  context?: string;
  takenAt: string;
  /** Every namespace with its istio-injection label (null when unset). */
  namespaces: Array<{ name: string; injection: string | null }>;
  /** Istio resources in every namespace, Canaries, istio-system Secrets/Deployments/Services/IstioOperators, webhooks. */
  objects: SnapshotObject[];
  /** Null when Istio is not installed. */
  mesh: MeshConfigState | null;
  /** istiod's environment (NAME=value), which labs change by re-installing Istio. */
  istiodEnv: string[];
}
