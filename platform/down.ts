import { requireKindName } from "../cluster/cluster-identity.js";
import { deleteClusterArgs, deleteKindCluster, kindClusterExists, kindCommand } from "../cluster/kind/kind-cluster.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";
import { removeMirrorsStep } from "./registry-mirror-step.js";

/** What `down` did. */
export interface DownResult {
  /** The kind cluster behind the context: the only one `down` may delete. */
  name: string;
  /** False when there was no cluster to delete. */
  deleted: boolean;
}

// Deletes the kind cluster behind the run's context (its kube context goes with it); tools and baseline stay.
export async function down(deps: Pick<PlatformDeps, "exec" | "tools" | "log" | "cluster" | "signal">): Promise<DownResult> {
  const name = requireKindName(deps.cluster, "delete a kind cluster");
  if (!(await kindClusterExists(deps.exec, deps.tools.kind, name, deps.signal))) return { name, deleted: false };
  deps.log(kindCommand(deleteClusterArgs(name)));
  await deleteKindCluster(deps.exec, deps.tools.kind, name, deps.signal);
  return { name, deleted: true };
}

// `down` as a step, for --dry-run and for `reset --hard` (always runs: a hard reset means a new cluster).
export function deleteClusterStep(display: PlanDisplay): PlatformStep {
  const name = display.cluster.kindName ?? "<not a kind context>";
  return {
    id: "delete-cluster",
    title: `Delete the kind cluster '${name}'`,
    command: kindCommand(deleteClusterArgs(name)),
    isDone: async () => false,
    async run(deps) {
      await down(deps);
    },
  };
}

// The steps of `down`, for --dry-run; `--all` removes the image cache too.
export function planDown(display: PlanDisplay, options: { all?: boolean } = {}): PlatformStep[] {
  return [deleteClusterStep(display), ...(options.all === true ? [removeMirrorsStep()] : [])];
}
