import { addonsStep } from "../addons/install-addons.js";
import { flaggerStep } from "../addons/install-flagger.js";
import { cacheDir } from "../core/paths.js";
import { resolveClusterIdentity, type ClusterIdentity } from "../cluster/cluster-identity.js";
import { baselineStep } from "./baseline-step.js";
import { istioStep } from "./istio-step.js";
import { kindClusterStep } from "./kind-cluster-step.js";
import { kindNetworkStep } from "./kind-network-step.js";
import { labNamespaceStep } from "./lab-namespace-step.js";
import { parallelSteps } from "./parallel-steps.js";
import { registryMirrorStep } from "./registry-mirror-step.js";
import { containerdMirrorPatch } from "../cluster/mirror/registry-mirrors.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import { replacedByTwinStep, twinIstioStep } from "./twin-steps.js";

export interface PlanUpOptions {
  /** Delete and create the kind cluster even if it exists (the way out of wrong port mappings). */
  recreate?: boolean;
  /** The cluster the plan acts on (resolved once by the CLI); default: the one behind `context`. */
  cluster?: ClusterIdentity;
  /** Shown in commands when no cluster is given; default kind-myk8s. */
  context?: string;
  /** Shown in commands; default cacheDir(). */
  workDir?: string;
  /** Start the registry mirrors and point the node's containerd at them (default true; ISTIO_LAB_NO_MIRROR=1 opts out). */
  mirror?: boolean;
}

// The context and folder the plans print, defaulting to the lab cluster and the cache.
export function planDisplay(options: { cluster?: ClusterIdentity; context?: string; workDir?: string }): PlanDisplay {
  const cluster = options.cluster ?? resolveClusterIdentity(options.context);
  return { cluster, workDir: options.workDir ?? cacheDir() };
}

// The platform baseline, in order: network, cluster, image cache, Istio, then addons and Flagger together, lab namespace, baseline snapshot.
export function planUp(options: PlanUpOptions = {}): PlatformStep[] {
  const display = planDisplay(options);
  const mirror = options.mirror ?? true;
  if (display.cluster.twin) return twinPlanUp(display, mirror);
  return [
    kindNetworkStep(),
    kindClusterStep(display, options.recreate ?? false, mirror ? { containerdPatch: containerdMirrorPatch() } : {}),
    // After the cluster: kind has made the `kind` network; pulls start with Istio.
    ...(mirror ? [registryMirrorStep()] : []),
    istioStep(display, "up"),
    // Both need only Istio: the addons' readiness wait and Flagger's `helm --wait` overlap.
    parallelSteps("addons-and-flagger", "In parallel: the addons and Flagger (both need only Istio)", [addonsStep(display), flaggerStep(display)]),
    labNamespaceStep(display),
    baselineStep(display),
  ];
}

// The same plan on the cluster twin: what it replaces is named and skipped, Istio is checked, not installed.
function twinPlanUp(display: PlanDisplay, mirror: boolean): PlatformStep[] {
  return [
    replacedByTwinStep(kindNetworkStep()),
    replacedByTwinStep(kindClusterStep(display, false, {})),
    ...(mirror ? [replacedByTwinStep(registryMirrorStep())] : []),
    twinIstioStep(display, "up"),
    replacedByTwinStep(parallelSteps("addons-and-flagger", "In parallel: the addons and Flagger (both need only Istio)", [addonsStep(display), flaggerStep(display)])),
    labNamespaceStep(display),
    baselineStep(display),
  ];
}
