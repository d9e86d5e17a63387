import { environmentError } from "../core/errors.js";
import type { Kube } from "../core/kube.js";
import type { PlatformDeps } from "../cluster/install/platform-types.js";
import { baselinePath, requireBaseline } from "./baseline-store.js";
import type { PlatformSnapshot } from "./snapshot-types.js";

// The uid of kube-system: which cluster the API behind a context is (a recreated cluster gets another).
export async function readClusterId(kube: Kube): Promise<string> {
  const kubeSystem = await kube.get({ apiVersion: "v1", kind: "Namespace", name: "kube-system" });
  return String(kubeSystem?.metadata["uid"] ?? "");
}

// The baseline of this context, only if it was taken on the very cluster now behind it; else a refusal, so reset
// never deletes by another cluster's list of namespaces.
export async function requireOwnBaseline(deps: Pick<PlatformDeps, "workDir" | "cluster" | "kube">): Promise<PlatformSnapshot> {
  const baseline = await requireBaseline(deps.workDir, deps.cluster.context);
  const clusterId = await readClusterId(await deps.kube());
  const contextMatches = baseline.context === undefined || baseline.context === deps.cluster.context;
  if (contextMatches && baseline.clusterId !== "" && baseline.clusterId === clusterId) return baseline;
  const takenOn = `context '${baseline.context ?? "unrecorded"}', kube-system uid ${baseline.clusterId || "unrecorded"}`;
  throw environmentError(
    `Refusing to reset '${deps.cluster.context}': the baseline ${baselinePath(deps.workDir, deps.cluster.context)} was taken on another cluster (${takenOn}); this cluster's kube-system uid is ${clusterId || "unknown"}. Nothing was changed.`,
    { hint: `If '${deps.cluster.context}' is the lab cluster and was recreated, run \`npm run lab -- up --context ${deps.cluster.context}\` to record its baseline, then reset.` },
  );
}
