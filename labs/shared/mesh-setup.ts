import type { Step } from "../../engine/lab-types.js";
import { deployApp, applyLabFile } from "./app-actions.js";
import { FIRST_ITEM, V1_BODY, webapp, catalogV1, catalogV2, webappRequest } from "./traffic.js";
import { sidecarRoutes } from "./route-checks.js";

const COOLSTORE_GATEWAY = "labs/ch5-mesh-routing/coolstore-gateway.yaml";

// webapp behind coolstore-gateway, catalog v1 (and v2 when asked): the starting point of the mesh labs.
export function webappAndCatalogStep(withV2: boolean): Step {
  return {
    title: withV2 ? "Deploy webapp, catalog v1 and v2 behind coolstore-gateway" : "Deploy webapp and catalog v1 behind coolstore-gateway",
    why: "Traffic enters at the gateway and reaches catalog through webapp's sidecar, where mesh routing happens.",
    actions: [
      ...deployApp("catalog.yaml", catalogV1),
      ...(withV2 ? deployApp("catalog-v2.yaml", catalogV2) : []),
      ...deployApp("webapp.yaml", webapp),
      applyLabFile(COOLSTORE_GATEWAY),
    ],
    checks: [
      { kind: "http", title: "webapp answers /api/catalog through the gateway", request: webappRequest(), expect: { status: 200, body: [FIRST_ITEM] } },
    ],
    mustFailFirst: true,
  };
}

// DestinationRule subsets and a mesh VirtualService sending every catalog call to v1.
export function allToV1Step(): Step {
  return {
    title: "Send all catalog traffic to v1 (DestinationRule subsets + mesh VirtualService)",
    why: "Subsets name the versions; a VirtualService bound to the mesh gateway applies in every sidecar.",
    actions: [applyLabFile("labs/ch5-mesh-routing/catalog-dr.yaml"), applyLabFile("labs/ch5-mesh-routing/catalog-vs-v1-mesh.yaml")],
    checks: [
      sidecarRoutes("webapp's sidecar routes catalog only to version-v1", webapp, { kind: "single-cluster", cluster: "|version-v1|catalog" }),
      { kind: "http", title: "20 responses in a row are v1", request: webappRequest(), repeat: 20, expect: { status: 200, body: V1_BODY } },
    ],
    mustFailFirst: true,
  };
}
