import type { Step } from "../../engine/lab-types.js";
import { deployApp } from "./app-actions.js";
import { sidecarReady, webappCallsCatalog } from "./in-mesh-checks.js";
import { catalogV1, webapp } from "./traffic.js";

// The ch4 starting point: catalog and webapp in the mesh, not yet exposed (each lab brings its Gateway).

/** VirtualService webapp-vs-from-gw: webapp.istioinaction.io on coolstore-gateway -> webapp (book ch4/coolstore-vs.yaml). */
export const COOLSTORE_VS = "labs/ch4-gateway-routing/coolstore-vs.yaml";
/** VirtualService catalog-vs-from-gw: catalog.istioinaction.io on coolstore-gateway -> catalog (book ch4/catalog-vs.yaml). */
export const CATALOG_VS = "labs/ch4-gateway-routing/catalog-vs.yaml";

// Deploys catalog and webapp and proves webapp reaches catalog inside the mesh, before any Gateway exists.
export function deployCoolstoreStep(): Step {
  return {
    title: "Deploy catalog and webapp into the mesh",
    why: "The gateway labs route to these services; inside the mesh webapp already reaches catalog through its sidecar.",
    actions: [...deployApp("catalog.yaml", catalogV1), ...deployApp("webapp.yaml", webapp)],
    checks: [sidecarReady(webapp), webappCallsCatalog()],
    mustFailFirst: true,
  };
}
