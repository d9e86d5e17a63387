import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { NS, V2_BODY, webapp, catalogV1, webappRequest } from "../shared/traffic.js";
import { CANARY, CANARY_NOTES, CANARY_STATE_FIELDS, TRAFFIC_ID, canaryDeadlineMs, canarySetupSteps, routesOnlyToPrimary } from "./canary-steps.js";

export const ch5Canary: LabDefinition = {
  id: "ch5-canary",
  chapter: 5,
  section: "5.3.1",
  title: "Automated canary release with Flagger",
  proves: "Flagger moves v2 from 10% to 50% in steps of 10 on healthy metrics, promotes it, and every response ends up v2",
  duration: "~9 min (--fast ~4 min)",
  requires: ["cluster", "flagger"],
  namespaces: [NS],
  workloads: [webapp, catalogV1, { namespace: NS, deployment: "catalog-primary" }],
  steps: (options) => [
    ...canarySetupSteps(options),
    {
      title: "Release v2 and let Flagger analyse it",
      why: "Changing the Deployment starts the analysis: weight +10 every interval while success >= 99% and p99 <= 500 ms.",
      actions: [applyLabFile("labs/ch5-canary/catalog-v2-deployment.yaml")],
      checks: [
        {
          kind: "sequence",
          title: "the Canary goes 10, 20, 30, 40, 50, then Promoting, Finalising, Succeeded",
          target: CANARY,
          fields: CANARY_STATE_FIELDS,
          notes: CANARY_NOTES,
          expected: ["Progressing 10", "Progressing 20", "Progressing 30", "Progressing 40", "Progressing 50", "Promoting 0", "Finalising 0", "Succeeded 0"],
          failOn: ["Failed 0"],
          timeoutMs: canaryDeadlineMs(options),
        },
        routesOnlyToPrimary(),
        { kind: "http", title: "every response is now v2", request: webappRequest(), repeat: 10, expect: { status: 200, body: V2_BODY } },
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: [{ kind: "traffic", mode: "stop", id: TRAFFIC_ID }],
};
