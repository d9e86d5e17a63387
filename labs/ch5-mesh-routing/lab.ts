import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { allToV1Step, webappAndCatalogStep } from "../shared/mesh-setup.js";
import { V1_BODY, V2_BODY, webapp, catalogV1, catalogV2, webappRequest } from "../shared/traffic.js";
import { gatewayRoutes, sidecarRoutes, subsetClusterExists } from "../shared/route-checks.js";

const COHORT = { "x-istio-cohort": "internal" };

export const ch5MeshRouting: LabDefinition = {
  id: "ch5-mesh-routing",
  chapter: 5,
  section: "5.2.6",
  title: "Route deep in the call graph (mesh gateway)",
  proves: "webapp's sidecar routes its catalog calls by the propagated x-istio-cohort header; the gateway has no catalog route",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: ["istioinaction"],
  workloads: [webapp, catalogV1, catalogV2],
  steps: () => [
    webappAndCatalogStep(true),
    allToV1Step(),
    {
      title: "Route x-istio-cohort: internal to v2 inside the mesh",
      why: "webapp copies x-* headers to its catalog call, so the header decides the version deep in the call graph.",
      actions: [applyLabFile("labs/ch5-mesh-routing/catalog-vs-v2-request-mesh.yaml")],
      checks: [
        sidecarRoutes("webapp's sidecar matches the header to version-v2", webapp, { kind: "header-match", header: "x-istio-cohort", exact: "internal", cluster: "|version-v2|catalog", defaultCluster: "|version-v1|catalog" }),
        subsetClusterExists(webapp, "version-v2"),
        { kind: "http", title: "with the header every response is v2", request: webappRequest("/api/catalog", COHORT), repeat: 10, expect: { status: 200, body: V2_BODY } },
        { kind: "http", title: "without it every response is v1", request: webappRequest(), repeat: 10, expect: { status: 200, body: V1_BODY }, mustFailFirst: false },
        { ...gatewayRoutes("the ingress gateway sends nothing to catalog (the rule lives in the sidecars)", { kind: "no-destination", cluster: "catalog.istioinaction.svc.cluster.local" }), mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
  ],
};
