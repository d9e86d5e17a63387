// What a platform snapshot covers: which kinds, where, and which objects change by design and are left out.
import type { KubeObject } from "../core/kube.js";

/** Where a kind is read: every namespace, only istio-system, or cluster-scoped. */
export type SnapshotScope = "all-namespaces" | "istio-system" | "cluster";

export interface SnapshotKind {
  apiVersion: string;
  kind: string;
  scope: SnapshotScope;
}

export const ISTIO_SYSTEM = "istio-system";
export const LAB_NAMESPACE = "istioinaction";
export const INJECTION_LABEL = "istio-injection";

const istio = (apiVersion: string, kinds: string[]): SnapshotKind[] => kinds.map((kind) => ({ apiVersion, kind, scope: "all-namespaces" }));

// Every kind a snapshot lists: Istio resources and Canaries anywhere, istio-system internals, webhooks.
export const SNAPSHOT_KINDS: readonly SnapshotKind[] = [
  ...istio("networking.istio.io/v1beta1", ["Gateway", "VirtualService", "DestinationRule", "ServiceEntry", "Sidecar", "WorkloadEntry"]),
  ...istio("networking.istio.io/v1alpha3", ["EnvoyFilter"]),
  ...istio("security.istio.io/v1beta1", ["PeerAuthentication", "AuthorizationPolicy", "RequestAuthentication"]),
  ...istio("telemetry.istio.io/v1alpha1", ["Telemetry"]),
  { apiVersion: "flagger.app/v1beta1", kind: "Canary", scope: "all-namespaces" },
  { apiVersion: "v1", kind: "Secret", scope: "istio-system" },
  { apiVersion: "apps/v1", kind: "Deployment", scope: "istio-system" },
  { apiVersion: "v1", kind: "Service", scope: "istio-system" },
  { apiVersion: "install.istio.io/v1alpha1", kind: "IstioOperator", scope: "istio-system" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", scope: "cluster" },
  { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", scope: "cluster" },
];

// Secrets that change by design and would make every comparison fail:
// - kubernetes.io/service-account-token: Kubernetes 1.23 creates `<sa>-token-<random>` for every ServiceAccount,
//   with a new random suffix whenever an addon or Flagger is re-applied;
// - helm.sh/release.v1: Helm writes `sh.helm.release.v1.flagger.v<N>`, one more revision per `helm upgrade`.
export const EXCLUDED_SECRET_TYPES: readonly string[] = ["kubernetes.io/service-account-token", "helm.sh/release.v1"];

// True for objects the snapshot leaves out (see EXCLUDED_SECRET_TYPES).
export function isExcludedFromSnapshot(kind: string, object: KubeObject): boolean {
  return kind === "Secret" && EXCLUDED_SECRET_TYPES.includes(String(object["type"] ?? ""));
}

// The apiVersion to address a snapshot kind with (for deleting leftovers).
export function apiVersionOfKind(kind: string): string | undefined {
  return SNAPSHOT_KINDS.find((k) => k.kind === kind)?.apiVersion;
}
