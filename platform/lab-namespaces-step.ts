import type { Kube } from "../core/kube.js";
import { requireOwnBaseline } from "./baseline-owner.js";
import { findLabContent } from "./lab-content.js";
import { waitForNamespacesGone } from "./namespace-deletion.js";
import type { PlanDisplay, PlatformStep } from "../cluster/install/platform-types.js";
import type { PlatformSnapshot } from "./snapshot-types.js";
import { LAB_NAMESPACE } from "./snapshot-kinds.js";

/** Namespaces reset never deletes, even if a damaged baseline lacked them. */
export const PROTECTED_NAMESPACES: readonly string[] = ["default", "kube-system", "kube-public", "kube-node-lease", "local-path-storage", "istio-system"];

// How long reset waits for deleted namespaces (pods with long grace periods take a while).
export const DEFAULT_NAMESPACE_DEADLINE_MS = 120_000;

// Namespaces reset deletes: every one not in the baseline, plus istioinaction when it holds anything a lab made.
export async function namespacesToDelete(kube: Kube, baseline: PlatformSnapshot): Promise<string[]> {
  const known = new Set([...baseline.namespaces.map((n) => n.name), ...PROTECTED_NAMESPACES]);
  const current = await kube.list({ apiVersion: "v1", kind: "Namespace" });
  const extra = current.map((n) => n.metadata.name).filter((name) => name !== LAB_NAMESPACE && !known.has(name));
  const lab = current.find((n) => n.metadata.name === LAB_NAMESPACE);
  const labDirty = lab !== undefined && (lab.metadata["deletionTimestamp"] !== undefined || (await findLabContent(kube, LAB_NAMESPACE)).length > 0);
  return [...(labDirty ? [LAB_NAMESPACE] : []), ...extra.sort()];
}

// Reset's first step: delete istioinaction and every namespace the baseline lacks, then wait until they are gone.
export function labNamespacesStep(display: PlanDisplay, deadlineMs: number = DEFAULT_NAMESPACE_DEADLINE_MS): PlatformStep {
  return {
    id: "delete-lab-namespaces",
    title: `Delete ${LAB_NAMESPACE} and every namespace not in the baseline (wait up to ${Math.round(deadlineMs / 1000)} s)`,
    command: `kubectl delete namespace ${LAB_NAMESPACE} <namespaces not in the baseline> --wait --context ${display.cluster.context}`,
    async isDone(deps) {
      const baseline = await requireOwnBaseline(deps);
      return (await namespacesToDelete(await deps.kube(), baseline)).length === 0;
    },
    async run(deps) {
      const kube = await deps.kube();
      const names = await namespacesToDelete(kube, await requireOwnBaseline(deps));
      for (const name of names) {
        deps.log(`kubectl delete namespace ${name} --context ${deps.cluster.context}`);
        await kube.delete({ apiVersion: "v1", kind: "Namespace", name });
      }
      await waitForNamespacesGone(kube, names, deadlineMs, deps);
    },
  };
}
