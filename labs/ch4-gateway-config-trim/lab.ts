import type { LabDefinition, ProxyConfigCheck, WorkloadRef } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { OUTFITTERS_GATEWAY, anyHostRequest } from "../shared/outfitters-setup.js";
import { FIRST_ITEM, NS, catalogV1, webapp } from "../shared/traffic.js";

const ingressGateway: WorkloadRef = { namespace: "istio-system", deployment: "istio-ingressgateway" };
const FILTER_ENV = "PILOT_FILTER_GATEWAY_CLUSTER_CONFIG";

// A check on the ingress gateway's clusters (`istioctl proxy-config cluster deploy/istio-ingressgateway.istio-system -o json`).
function gatewayClusters(title: string, assert: ProxyConfigCheck["assert"], mustFailFirst?: boolean): ProxyConfigCheck {
  return {
    kind: "proxy-config",
    title,
    workload: { namespace: "istio-system", gateway: "istio-ingressgateway" },
    resource: "cluster",
    assert,
    ...(mustFailFirst === undefined ? {} : { mustFailFirst }),
  };
}

export const ch4GatewayConfigTrim: LabDefinition = {
  id: "ch4-gateway-config-trim",
  chapter: 4,
  section: "4.5.4",
  title: "Trim the gateway's cluster config",
  proves: "By default the gateway holds a cluster for every service (catalog included, though no route uses it); with PILOT_FILTER_GATEWAY_CLUSTER_CONFIG=true it keeps only the outbound cluster its routes use (webapp)",
  duration: "~4 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [ingressGateway, webapp, catalogV1],
  steps: () => [
    {
      title: "Deploy webapp and catalog; expose only webapp on the gateway",
      why: "The gateway routes to webapp alone, yet istiod sends it a cluster for every service in the mesh.",
      actions: [...deployApp("catalog.yaml", catalogV1), ...deployApp("webapp.yaml", webapp), applyLabFile(OUTFITTERS_GATEWAY)],
      checks: [
        { kind: "http", title: "GET /api/catalog through the gateway returns the catalog", request: anyHostRequest(), expect: { status: 200, body: [FIRST_ITEM] } },
        gatewayClusters("the gateway holds a cluster for catalog, which none of its routes uses", {
          kind: "cluster-present",
          name: "outbound|80||catalog.istioinaction.svc.cluster.local",
        }),
        gatewayClusters("the gateway holds at least 10 outbound clusters (every service of the mesh)", { kind: "cluster-count", prefix: "outbound|", min: 10 }, false),
      ],
      mustFailFirst: true,
    },
    {
      title: `Re-install istiod with ${FILTER_ENV}=true`,
      why: "istiod then sends a gateway only the clusters of the services its VirtualServices route to: less config, less memory, faster pushes.",
      actions: [{ kind: "mesh-config", outboundTrafficPolicy: "ALLOW_ANY", pilotEnv: { [FILTER_ENV]: "true" } }],
      checks: [
        {
          kind: "object",
          title: `istiod's container sets ${FILTER_ENV}=true`,
          target: { apiVersion: "apps/v1", kind: "Deployment", name: "istiod", namespace: "istio-system" },
          expect: { path: "$.spec.template.spec.containers[0].env[*]", matcher: { op: "contains", value: `{"name":"${FILTER_ENV}","value":"true"}` } },
        },
        gatewayClusters("the gateway no longer holds catalog's cluster (no route uses it)", { kind: "cluster-absent", name: "outbound|80||catalog.istioinaction.svc.cluster.local" }),
        gatewayClusters("the gateway now holds 1 to 3 outbound clusters", { kind: "cluster-count", prefix: "outbound|", min: 1, max: 3 }),
        gatewayClusters("the one its route uses, webapp, is still there", { kind: "cluster-present", name: "outbound|80||webapp.istioinaction.svc.cluster.local" }, false),
        { kind: "http", title: "the gateway still serves /api/catalog", request: anyHostRequest(), expect: { status: 200, body: [FIRST_ITEM] }, mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
  ],
};
