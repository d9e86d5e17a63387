import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { allToV1Step, webappAndCatalogStep } from "../shared/mesh-setup.js";
import { FIRST_ITEM, IS_V2, catalogV1, catalogV2, webapp, webappRequest } from "../shared/traffic.js";
import { sidecarRoutes } from "../shared/route-checks.js";

const V1 = "|version-v1|catalog";
const V2 = "|version-v2|catalog";
/** Only real catalog answers count: a broken subset (500s) must not look like "not v2". */
const CATALOG_OK = { status: 200, body: [FIRST_ITEM] };

export const ch5TrafficShifting: LabDefinition = {
  id: "ch5-traffic-shifting",
  chapter: 5,
  section: "5.3",
  title: "Shift 10%, then 50%, of traffic to v2",
  proves: "Weighted routes send 10% then 50% of catalog calls to v2, measured with binomial bounds",
  duration: "~4 min",
  requires: ["cluster"],
  namespaces: ["istioinaction"],
  workloads: [webapp, catalogV1, catalogV2],
  steps: () => [
    webappAndCatalogStep(true),
    allToV1Step(),
    {
      title: "Shift 10% of catalog traffic to v2",
      why: "Weights move a small share of real traffic to the new version; the rest stays on v1.",
      actions: [applyLabFile("labs/ch5-traffic-shifting/catalog-vs-90-10-mesh.yaml")],
      checks: [
        sidecarRoutes("webapp's route carries weighted clusters 90/10", webapp, { kind: "weighted-clusters", weights: { [V1]: 90, [V2]: 10 } }),
        { kind: "weighted", title: "about 10% of responses are v2", request: webappRequest(), hit: IS_V2, hitLabel: "v2", expectedShare: 0.1, wrongShares: [0, 0.5], valid: CATALOG_OK },
      ],
      mustFailFirst: true,
    },
    {
      title: "Shift to 50/50",
      why: "Raising the weight step by step is a manual canary release.",
      actions: [applyLabFile("labs/ch5-traffic-shifting/catalog-vs-50-50-mesh.yaml")],
      checks: [
        sidecarRoutes("webapp's route carries weighted clusters 50/50", webapp, { kind: "weighted-clusters", weights: { [V1]: 50, [V2]: 50 } }),
        { kind: "weighted", title: "about half of responses are v2", request: webappRequest(), hit: IS_V2, hitLabel: "v2", expectedShare: 0.5, wrongShares: [0.1, 0.9], valid: CATALOG_OK },
      ],
      mustFailFirst: true,
    },
  ],
};
