import { deleteClusterStep } from "./down.js";
import { istioStep } from "./istio-step.js";
import { labNamespaceStep } from "./lab-namespace-step.js";
import { DEFAULT_NAMESPACE_DEADLINE_MS, labNamespacesStep } from "./lab-namespaces-step.js";
import { leftoverObjectsStep } from "./leftover-objects-step.js";
import { planDisplay, planUp } from "./plan-up.js";
import type { PlatformStep } from "../cluster/install/platform-types.js";
import type { ClusterIdentity } from "../cluster/cluster-identity.js";
import { verifyBaselineStep } from "./verify-baseline-step.js";
import { twinIstioStep } from "./twin-steps.js";

export interface PlanResetOptions {
  /** Delete the cluster and run `up` (minutes) instead of cleaning it (seconds). */
  hard?: boolean;
  /** How long namespaces may take to terminate; default 120 s. */
  namespaceDeadlineMs?: number;
  cluster?: ClusterIdentity;
  context?: string;
  workDir?: string;
  /** `reset --hard`: start the registry mirrors too (default true). */
  mirror?: boolean;
}

// Back to the baseline: lab namespaces recreated empty, leftovers deleted, Istio as installed, then proven equal.
export function planReset(options: PlanResetOptions = {}): PlatformStep[] {
  const display = planDisplay(options);
  if (options.hard) return [deleteClusterStep(display), ...planUp({ ...options, recreate: false })];
  return [
    labNamespacesStep(display, options.namespaceDeadlineMs ?? DEFAULT_NAMESPACE_DEADLINE_MS),
    labNamespaceStep(display),
    leftoverObjectsStep(display),
    display.cluster.twin ? twinIstioStep(display, "reset") : istioStep(display, "reset"),
    verifyBaselineStep(),
  ];
}
