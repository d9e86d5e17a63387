import type { Check, LabOptions, Step } from "../../engine/lab-types.js";
import { applyLabFile } from "../shared/app-actions.js";
import { webappAndCatalogStep } from "../shared/mesh-setup.js";
import { sidecarRoutes } from "../shared/route-checks.js";
import { NS, webapp, webappRequest } from "../shared/traffic.js";

export const CANARY = { apiVersion: "flagger.app/v1beta1", kind: "Canary", name: "catalog-release", namespace: NS };
export const TRAFFIC_ID = "webapp-load";
/** The Canary's status as one observed state, e.g. "Progressing 30". */
export const CANARY_STATE_FIELDS = [".status.phase", ".status.canaryWeight"];
/** Flagger's analysis results beside each state, for the report's weight chart. */
export const CANARY_NOTES = { failedChecks: ".status.failedChecks", message: ".status.conditions[0].message" };

const MINUTE = 60_000;

// Flagger's analysis takes interval x (maxWeight/stepWeight + promote + finalise); give it twice that.
export function canaryDeadlineMs(options: LabOptions): number {
  const intervalMs = options.fast ? 10_000 : 45_000;
  return Math.max(5 * MINUTE, 2 * intervalMs * (50 / 10 + 3));
}

// catalog v1 and webapp, the Canary created, Flagger initialised, and load running through webapp.
export function canarySetupSteps(options: LabOptions): Step[] {
  const initialized: Check = {
    kind: "object",
    title: "the Canary is Initialized",
    target: CANARY,
    expect: { path: "$.status.phase", matcher: { op: "equals", value: "Initialized" } },
    timeoutMs: 5 * MINUTE,
  };
  return [
    webappAndCatalogStep(false),
    {
      title: "Hand catalog over to Flagger and keep traffic flowing",
      why: "Flagger creates its own catalog Services; its analysis needs requests, or it reports \"no values found\".",
      actions: [
        { kind: "delete", target: { apiVersion: "v1", kind: "Service", name: "catalog", namespace: NS } },
        { kind: "traffic", mode: "start", id: TRAFFIC_ID, request: webappRequest(), intervalMs: 250 },
        applyLabFile(options.fast ? "labs/ch5-canary/catalog-release-fast.yaml" : "labs/ch5-canary/catalog-release.yaml"),
      ],
      checks: [
        initialized,
        {
          kind: "object",
          title: "Flagger runs catalog-primary",
          target: { apiVersion: "apps/v1", kind: "Deployment", name: "catalog-primary", namespace: NS },
          expect: { path: "$.status.availableReplicas", matcher: { op: "equals", value: "1" } },
        },
        {
          kind: "object",
          title: "the original catalog Deployment is scaled to 0",
          target: { apiVersion: "apps/v1", kind: "Deployment", name: "catalog", namespace: NS },
          expect: { path: "$.spec.replicas", matcher: { op: "equals", value: "0" } },
        },
      ],
      mustFailFirst: true,
    },
  ];
}

// The gate before sampling after the analysis: webapp's sidecar sends every catalog call to catalog-primary
// (Flagger's VirtualService keeps the canary at weight 0). It holds before the release too, so not must-fail-first.
export function routesOnlyToPrimary(): Check {
  return { ...sidecarRoutes("webapp's sidecar sends catalog only to catalog-primary", webapp, { kind: "single-cluster", cluster: "||catalog-primary.istioinaction.svc.cluster.local" }), mustFailFirst: false };
}
