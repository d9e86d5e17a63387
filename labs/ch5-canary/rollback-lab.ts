import type { LabDefinition } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { NS, V1_BODY, webapp, catalogV1, webappRequest } from "../shared/traffic.js";
import { CANARY, CANARY_NOTES, CANARY_STATE_FIELDS, TRAFFIC_ID, canaryDeadlineMs, canarySetupSteps, routesOnlyToPrimary } from "./canary-steps.js";

export const ch5CanaryRollback: LabDefinition = {
  id: "ch5-canary-rollback",
  chapter: 5,
  section: "5.3.1",
  title: "Flagger rolls back a canary that returns 500s",
  proves: "A canary failing its success-rate check ends Failed after 5 failed checks, with all traffic back on the primary",
  duration: "~8 min (--fast ~4 min)",
  requires: ["cluster", "flagger"],
  namespaces: [NS],
  workloads: [webapp, catalogV1, { namespace: NS, deployment: "catalog-primary" }],
  steps: (options) => [
    ...canarySetupSteps(options),
    {
      title: "Release a catalog that answers 500",
      why: "Flagger counts failed checks; at the threshold (5) it rolls back instead of promoting.",
      actions: [applyLabFile("labs/ch5-canary/catalog-broken-deployment.yaml")],
      checks: [
        {
          kind: "sequence",
          title: "the Canary ends Failed without being promoted",
          target: CANARY,
          fields: CANARY_STATE_FIELDS,
          notes: CANARY_NOTES,
          expected: ["Failed 0"],
          failOn: ["Promoting 0", "Succeeded 0"],
          timeoutMs: canaryDeadlineMs(options),
        },
        {
          kind: "logs",
          title: "Flagger halted it for the success rate and rolled back after 5 failed checks",
          workload: { namespace: "istio-system", deployment: "flagger" },
          container: "flagger",
          expect: [
            { op: "regex", value: "success rate [\\d.]+% < 99%" },
            { op: "regex", value: "Rolling back catalog-release\\.istioinaction failed checks threshold reached 5\\b" },
          ],
        },
        routesOnlyToPrimary(),
        { kind: "http", title: "every response comes from the primary (v1, 200)", request: webappRequest(), repeat: 10, expect: { status: 200, body: V1_BODY }, mustFailFirst: false },
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: [{ kind: "traffic", mode: "stop", id: TRAFFIC_ID }],
};
