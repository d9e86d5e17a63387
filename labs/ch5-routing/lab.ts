import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile, deployApp } from "../shared/app-actions.js";
import { V1_BODY, V2_BODY, catalogRequest, catalogV1, catalogV2 } from "../shared/traffic.js";
import { gatewayRoutes, subsetClusterExists } from "../shared/route-checks.js";

export const ch5Routing: LabDefinition = {
  id: "ch5-routing",
  chapter: 5,
  section: "5.2",
  title: "Route catalog by subset and by header at the gateway",
  proves: "The gateway sends catalog traffic to v1 only, and to v2 only for x-istio-cohort: internal",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: ["istioinaction"],
  workloads: [catalogV1, catalogV2],
  steps: () => [
    {
      title: "Deploy catalog v1 behind catalog-gateway",
      why: "A Gateway opens port 80 for catalog.istioinaction.io; a VirtualService routes it to the catalog Service.",
      actions: [
        ...deployApp("catalog.yaml", catalogV1),
        applyLabFile("labs/ch5-routing/catalog-gateway.yaml"),
        applyLabFile("labs/ch5-routing/catalog-vs.yaml"),
      ],
      checks: [{ kind: "http", title: "GET /items with Host catalog.istioinaction.io is v1", request: catalogRequest(), expect: { status: 200, body: V1_BODY } }],
      mustFailFirst: true,
    },
    {
      title: "Deploy catalog v2 next to v1",
      why: "Both versions share the catalog Service, so without routing rules requests go to either.",
      actions: deployApp("catalog-v2.yaml", catalogV2),
      checks: [{ kind: "http", title: "a v2 response (imageUrl) shows up", request: catalogRequest(), intervalMs: 200, expect: { status: 200, body: V2_BODY } }],
      mustFailFirst: true,
    },
    {
      title: "Route everything to subset version-v1",
      why: "A DestinationRule names the subsets by the version label; the VirtualService picks version-v1.",
      actions: [applyLabFile("labs/ch5-mesh-routing/catalog-dr.yaml"), applyLabFile("labs/ch5-routing/catalog-vs-v1.yaml")],
      checks: [
        gatewayRoutes("the gateway routes catalog.istioinaction.io only to version-v1", { kind: "single-cluster", cluster: "|version-v1|catalog" }),
        { kind: "http", title: "20 responses in a row are v1", request: catalogRequest(), repeat: 20, expect: { status: 200, body: V1_BODY } },
      ],
      mustFailFirst: true,
    },
    {
      title: "Send x-istio-cohort: internal to v2",
      why: "Header matches let chosen users try v2 while everyone else stays on v1; routes match top to bottom.",
      actions: [applyLabFile("labs/ch5-routing/catalog-vs-v2-request.yaml")],
      checks: [
        gatewayRoutes("the gateway's route matches the header before the default route", { kind: "header-match", header: "x-istio-cohort", exact: "internal", cluster: "|version-v2|catalog", defaultCluster: "|version-v1|catalog" }),
        subsetClusterExists({ namespace: "istio-system", gateway: "istio-ingressgateway" }, "version-v2"),
        {
          kind: "http",
          title: "with the header every response is v2",
          request: catalogRequest({ "x-istio-cohort": "internal" }),
          repeat: 10,
          expect: { status: 200, body: V2_BODY },
        },
        { kind: "http", title: "without it every response is v1", request: catalogRequest(), repeat: 10, expect: { status: 200, body: V1_BODY }, mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
  ],
};
