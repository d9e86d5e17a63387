import type { ProxyConfigAssertion, ProxyConfigCheck, WorkloadRef } from "../../engine/lab-types.js";

// A check on a sidecar's outbound routes for port 80 (`istioctl proxy-config routes deploy/<x> --name 80`).
export function sidecarRoutes(title: string, workload: WorkloadRef, assert: ProxyConfigAssertion): ProxyConfigCheck {
  return { kind: "proxy-config", title, workload, resource: "routes", name: "80", assert };
}

// A check on the ingress gateway's HTTP routes (`--name http.8080`: port 80 listens on 8080 in the pod).
export function gatewayRoutes(title: string, assert: ProxyConfigAssertion): ProxyConfigCheck {
  return { kind: "proxy-config", title, workload: { namespace: "istio-system", gateway: "istio-ingressgateway" }, resource: "routes", name: "http.8080", assert };
}

/** The Envoy cluster of a catalog subset, as istiod names it. */
export function catalogSubsetCluster(subset: string): string {
  return `outbound|80|${subset}|catalog.istioinaction.svc.cluster.local`;
}

// The subset's cluster exists in the proxy (its DestinationRule defines it): a route to a missing subset
// would look right in `proxy-config routes` and answer 503. True before the step too, so a guard, not a proof.
export function subsetClusterExists(workload: ProxyConfigCheck["workload"], subset: string): ProxyConfigCheck {
  const who = "gateway" in workload ? "the ingress gateway" : `${workload.deployment}'s sidecar`;
  const name = catalogSubsetCluster(subset);
  return { kind: "proxy-config", title: `${who} has the ${subset} cluster the route names`, workload, resource: "cluster", assert: { kind: "cluster-present", name }, mustFailFirst: false };
}
