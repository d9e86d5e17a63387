import type { ExecCheck, ProxyConfigCheck, WorkloadRef } from "../../engine/lab-types.js";
import { gatewayRoutes } from "./route-checks.js";
import { FIRST_ITEM, webapp } from "./traffic.js";

// Checks inside the cluster: a pod's sidecar, webapp's call to catalog, and the ingress gateway's routes.

// The pod runs an istio-proxy container whose pilot-agent reports ready (READY 2/2 in `kubectl get pod`).
export function sidecarReady(workload: WorkloadRef): ExecCheck {
  return {
    kind: "exec",
    title: `${workload.deployment}'s pod has a ready istio-proxy sidecar (2/2)`,
    workload,
    container: "istio-proxy",
    command: ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://localhost:15021/healthz/ready"],
    expect: [{ op: "equals", value: "200" }],
  };
}

// webapp calls catalog through its sidecar (busybox wget: the webapp image has no curl).
export function webappCallsCatalog(): ExecCheck {
  return {
    kind: "exec",
    title: "webapp's /api/catalog returns catalog's items inside the mesh",
    workload: webapp,
    container: "webapp",
    command: ["wget", "-qO-", "http://localhost:8080/api/catalog"],
    expect: [FIRST_ITEM],
  };
}

// The ingress gateway's HTTP routes (port 8080) send every request of some virtual host to `service`.
export function gatewayRoutesTo(service: string, title: string, mustFailFirst?: boolean): ProxyConfigCheck {
  const check = gatewayRoutes(title, { kind: "single-cluster", cluster: `||${service}.istioinaction.svc.cluster.local` });
  return mustFailFirst === undefined ? check : { ...check, mustFailFirst };
}
