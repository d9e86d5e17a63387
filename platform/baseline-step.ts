import { baselinePath, readBaseline, writeBaseline } from "./baseline-store.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import { takeSnapshot } from "./take-snapshot.js";
import { readClusterId } from "./baseline-owner.js";

// Records what `reset` returns to, once per cluster: a baseline from another (deleted) cluster is replaced,
// but one for this cluster is never overwritten, so objects a lab left behind cannot become "baseline".
export function baselineStep(display: PlanDisplay): PlatformStep {
  return {
    id: "baseline-snapshot",
    title: "Baseline snapshot (namespaces, Istio resources, istio-system objects, webhooks, mesh config) for `reset`",
    command: `# written by the tool: ${baselinePath(display.workDir, display.cluster.context)}`,
    async isDone(deps) {
      const baseline = await readBaseline(deps.workDir, deps.cluster.context);
      if (!baseline) return false;
      return baseline.clusterId !== "" && baseline.clusterId === (await readClusterId(await deps.kube()));
    },
    async run(deps) {
      await writeBaseline(deps.workDir, await takeSnapshot(await deps.kube(), () => new Date(deps.now())), deps.cluster.context);
    },
  };
}
