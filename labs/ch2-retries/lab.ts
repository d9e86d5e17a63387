import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { anyHostRequest, outfittersStep } from "../shared/outfitters-setup.js";
import { sidecarRoutes } from "../shared/route-checks.js";
import { NS, catalogV1, webapp } from "../shared/traffic.js";
import { CATALOG_ERROR, blowupIs, setBlowup } from "./blowup.js";

/** One try fails with p = 0.51; with 3 retries a call fails only if all 4 tries do: 0.51^4 ≈ 0.0677. */
const ONE_TRY = 0.51;
const FOUR_TRIES = 0.0677;
/** One retry only (attempts: 1): 0.51^2. */
const TWO_TRIES = 0.2601;
/** Two retries (attempts: 2): 0.51^3; the nearest wrong configuration, so it sets the sample size. */
const THREE_TRIES = 0.132651;

export const ch2Retries: LabDefinition = {
  id: "ch2-retries",
  chapter: 2,
  section: "2.5",
  title: "Retries turn a 51% failure rate into about 7%",
  proves: "With catalog failing 51% of calls, a VirtualService retrying 5xx three times brings webapp's failures down to about 0.51^4",
  duration: "~3 min",
  requires: ["cluster"],
  namespaces: [NS],
  workloads: [webapp, catalogV1],
  steps: () => [
    outfittersStep(false),
    {
      title: "Make catalog fail about half of its requests (blowup 500, 50%)",
      why: "The book's chaos script injects 500s inside catalog; webapp then answers 500 'error calling Catalog service'.",
      actions: [setBlowup(true)],
      checks: [
        blowupIs("catalog's GET /blowup shows an active 500 blowup at 50%", true, 50),
        {
          kind: "weighted",
          title: "about 51% of /api/catalog calls fail",
          request: anyHostRequest(),
          hit: CATALOG_ERROR,
          hitLabel: "failures",
          expectedShare: ONE_TRY,
          // 0: no blowup; 6.77%: retries already on; 100%: "percentage" 0 or missing means always.
          wrongShares: [0, FOUR_TRIES, 1],
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Retry 5xx up to 3 times (VirtualService catalog)",
      why: "webapp's sidecar retries failed catalog calls, so a call fails only when all four tries fail.",
      actions: [applyLabFile("labs/ch2-retries/catalog-virtualservice.yaml")],
      checks: [
        sidecarRoutes("webapp's route to catalog retries 5xx 3 times", webapp, {
          kind: "retry-policy",
          cluster: "||catalog.istioinaction.svc.cluster.local",
          retryOn: "5xx",
          numRetries: 3,
        }),
        {
          kind: "weighted",
          title: "about 6.8% of /api/catalog calls fail (0.51^4)",
          request: anyHostRequest(),
          hit: CATALOG_ERROR,
          hitLabel: "failures",
          expectedShare: FOUR_TRIES,
          // 51%: no retries; 26%: one retry; 13%: two retries; 0: the blowup is gone (retries would prove nothing).
          wrongShares: [0, THREE_TRIES, TWO_TRIES, ONE_TRY],
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Turn the blowup off",
      why: "Blowups live in catalog's memory until the pod restarts; the book's `chaos.sh 500 delete` ends the experiment.",
      actions: [setBlowup(false)],
      checks: [blowupIs("catalog's GET /blowup shows the 500 blowup inactive", false)],
      mustFailFirst: true,
    },
  ],
};
