import { addonsStep } from "../../addons/install-addons.js";
import { flaggerStep } from "../../addons/install-flagger.js";
import { cacheDir } from "../../core/paths.js";
import { KIND_CONTEXT } from "../kind/kind-config.js";
import { baselineStep } from "./baseline-step.js";
import { istioStep } from "./istio-step.js";
import { kindClusterStep } from "./kind-cluster-step.js";
import { kindNetworkStep } from "./kind-network-step.js";
import { labNamespaceStep } from "./lab-namespace-step.js";
import type { PlanDisplay, PlatformStep } from "../install/platform-types.js";

export interface PlanUpOptions {
  /** Delete and create the kind cluster even if it exists (the way out of wrong port mappings). */
  recreate?: boolean;
  /** Shown in commands; default kind-myk8s. */
  context?: string;
  /** Shown in commands; default cacheDir(). */
  workDir?: string;
}

// The context and folder the plans print, defaulting to the lab cluster and the cache.
export function planDisplay(options: { context?: string; workDir?: string }): PlanDisplay {
  return { context: options.context ?? KIND_CONTEXT, workDir: options.workDir ?? cacheDir() };
}

// The platform baseline, in order: network, cluster, Istio, addons, Flagger, lab namespace, baseline snapshot.
export function planUp(options: PlanUpOptions = {}): PlatformStep[] {
  const display = planDisplay(options);
  return [
    kindNetworkStep(),
    kindClusterStep(display, options.recreate ?? false),
    istioStep(display, "up"),
    addonsStep(display),
    flaggerStep(display),
    labNamespaceStep(display),
    baselineStep(display),
  ];
}
