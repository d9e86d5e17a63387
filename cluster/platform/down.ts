import { deleteClusterArgs, deleteKindCluster, kindClusterExists, kindCommand } from "../kind/kind-cluster.js";
import { KIND_CLUSTER_NAME } from "../kind/kind-config.js";
import type { PlatformDeps, PlatformStep } from "../install/platform-types.js";

/** What `down` did. */
export interface DownResult {
  /** False when there was no cluster to delete. */
  deleted: boolean;
}

// Deletes the kind cluster (its kube context goes with it); the cached tools and baseline file stay.
export async function down(deps: Pick<PlatformDeps, "exec" | "tools" | "log">): Promise<DownResult> {
  if (!(await kindClusterExists(deps.exec, deps.tools.kind))) return { deleted: false };
  deps.log(kindCommand(deleteClusterArgs()));
  await deleteKindCluster(deps.exec, deps.tools.kind);
  return { deleted: true };
}

// `down` as a step, for --dry-run and for `reset --hard` (always runs: a hard reset means a new cluster).
export function deleteClusterStep(): PlatformStep {
  return {
    id: "delete-cluster",
    title: `Delete the kind cluster '${KIND_CLUSTER_NAME}'`,
    command: kindCommand(deleteClusterArgs()),
    isDone: async () => false,
    async run(deps) {
      await down(deps);
    },
  };
}

// The steps of `down`, for --dry-run.
export function planDown(): PlatformStep[] {
  return [deleteClusterStep()];
}
