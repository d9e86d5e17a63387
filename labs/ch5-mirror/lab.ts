import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { allToV1Step, webappAndCatalogStep } from "../shared/mesh-setup.js";
import { V1_BODY, webapp, catalogV2, webappRequest } from "../shared/traffic.js";
import { sidecarRoutes, subsetClusterExists } from "../shared/route-checks.js";

export const ch5Mirror: LabDefinition = {
  id: "ch5-mirror",
  chapter: 5,
  section: "5.4",
  title: "Mirror traffic to v2 without users seeing it",
  proves: "Requests are copied to catalog v2 (Host catalog.istioinaction-shadow:80) while every response still comes from v1",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: ["istioinaction"],
  workloads: [webapp, { namespace: "istioinaction", deployment: "catalog" }, catalogV2],
  steps: () => [
    webappAndCatalogStep(true),
    allToV1Step(),
    {
      title: "Mirror every catalog request to v2",
      why: "Mirroring tests v2 with real traffic; Envoy drops the mirrored responses, so users never see v2.",
      actions: [applyLabFile("labs/ch5-mirror/catalog-vs-mirror.yaml")],
      checks: [
        sidecarRoutes("webapp's route sends to version-v1 and mirrors 100% to version-v2", webapp, { kind: "mirror", cluster: "|version-v2|catalog", routeCluster: "|version-v1|catalog", percent: 100 }),
        subsetClusterExists(webapp, "version-v2"),
        { kind: "http", title: "no response is v2", request: webappRequest(), repeat: 20, expect: { status: 200, body: V1_BODY }, mustFailFirst: false, mirrorSide: "served" },
        {
          kind: "logs",
          title: "catalog v2 receives the mirrored requests with a -shadow Host",
          workload: catalogV2,
          container: "catalog",
          expect: [{ op: "regex", value: "GET catalog\\.istioinaction-shadow:80 /items 200" }],
          mirrorSide: "copied",
        },
      ],
      mustFailFirst: true,
    },
  ],
};
