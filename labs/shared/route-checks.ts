import type { ProxyConfigAssertion, ProxyConfigCheck, WorkloadRef } from "../../engine/lab-types.js";

// A check on a sidecar's outbound routes for port 80 (`istioctl proxy-config routes deploy/<x> --name 80`).
export function sidecarRoutes(title: string, workload: WorkloadRef, assert: ProxyConfigAssertion): ProxyConfigCheck {
  return { kind: "proxy-config", title, workload, resource: "routes", name: "80", assert };
}

// A check on the ingress gateway's HTTP routes (`--name http.8080`: port 80 listens on 8080 in the pod).
export function gatewayRoutes(title: string, assert: ProxyConfigAssertion): ProxyConfigCheck {
  return { kind: "proxy-config", title, workload: { namespace: "istio-system", gateway: "istio-ingressgateway" }, resource: "routes", name: "http.8080", assert };
}
