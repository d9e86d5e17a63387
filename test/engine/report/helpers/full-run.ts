import type { CheckOutcome } from "../../../../engine/check-outcome.js";
import { createCertStore } from "../../../../engine/certs/cert-store.js";
import { judgeWeighted, planDetails } from "../../../../engine/checks/weighted-plan.js";
import { describeAction } from "../../../../engine/execute/describe-action.js";
import { describeCheck } from "../../../../engine/execute/describe-check.js";
import { planOf } from "../../../../engine/execute/checks/weighted-check.js";
import type { Check } from "../../../../engine/lab-types.js";
import { createNodeProbe } from "../../../../engine/probes/node-probe.js";
import type { LabResult } from "../../../../engine/runner/lab-result.js";
import { LABS } from "../../../../labs/registry.js";

const TOOLS = { kind: "kind", kubectl: "kubectl", istioctl: "istioctl", helm: "helm", istioDir: "istio-1.17.8" };
const ITEM = '{"id":1,"color":"amber","department":"Eyewear","name":"Elinor Glasses","price":"282.00","imageUrl":"http://lorempixel.com/640/480"},';
// The worst case the runner records: a `seen` clipped at its 1,500-character maximum (run-check.ts SEEN_MAX).
const CATALOG_SEEN = `HTTP 200, body [${ITEM.repeat(20)}`.slice(0, 1_500) + "… (4210 chars)";

function passedOutcome(check: Check, described: { expected: string; command: string }): CheckOutcome {
  const base = { title: check.title, kind: check.kind, status: "passed" as const, ...described, attempts: 2, durationMs: 3_400, seen: CATALOG_SEEN };
  if (check.kind !== "weighted") return base;
  const plan = planOf(check);
  const hits = Math.round(plan.expectedShare * plan.n);
  return { ...base, seen: judgeWeighted(plan, hits, check.hitLabel).reason, details: { ...planDetails(plan), hitLabel: check.hitLabel, hits, errors: 0, share: hits / plan.n } };
}

// Every registered lab run to a pass, with the real checks' expected text and commands: the page-size worst case without diagnostics.
export function fullPassingRun(): LabResult[] {
  const probe = createNodeProbe({ certs: createCertStore("/home/runner/.cache/istio-lab/certs") });
  try {
    return LABS.map((lab) => {
      const steps = lab.steps({ fast: false }).map((step) => ({
        title: step.title,
        status: "passed" as const,
        durationMs: 12_000,
        actions: step.actions.map((action) => ({ command: describeAction(action, TOOLS, { workDir: "/home/runner/.cache/istio-lab/runs" }), status: "passed" as const })),
        checks: step.checks.map((check) => passedOutcome(check, describeCheck(check, probe, { stepStartedAt: new Date("2026-11-30T03:00:00Z") }))),
      }));
      return { labId: lab.id, status: "passed" as const, durationMs: 12_000 * steps.length, steps, cleanup: [] };
    });
  } finally {
    probe.close();
  }
}
