import { readAddonStates } from "../addons/install-addons.js";
import { readFlaggerState } from "../addons/install-flagger.js";
import { describeError } from "../core/errors.js";
import type { Exec } from "../core/exec.js";
import type { Kube } from "../core/kube.js";
import { resolveClusterIdentity, type ClusterIdentity } from "../cluster/cluster-identity.js";
import { formatToolStatus, listToolStatus } from "../cluster/tools/tool-status.js";
import { readBaseline } from "./baseline-store.js";
import { compareSnapshots } from "./compare-snapshots.js";
import { readIstioState } from "./istio-state.js";
import { inspectKindNode } from "./kind-node-state.js";
import { dockerServerVersion } from "./kind-network-step.js";
import { isLabNamespaceReady } from "./lab-namespace-step.js";
import type { PlatformStatus } from "./status-types.js";
import { takeSnapshot } from "./take-snapshot.js";

export interface StatusDeps {
  exec: Exec;
  kube: () => Promise<Kube>;
  context: string;
  /** The cluster behind `context` as the CLI resolved it; default: resolved from `context`. */
  cluster?: ClusterIdentity;
  /** cacheDir(): tools and baseline-snapshot.json. */
  workDir: string;
  /** PATH searched for the tools; default process.env.PATH ("" disables, for tests). */
  pathEnv?: string;
}

// Reads the platform's state without changing anything; a missing cluster is a state, not an error.
export async function collectStatus(deps: StatusDeps): Promise<PlatformStatus> {
  const [docker, tools] = await Promise.all([
    dockerServerVersion(deps.exec).then(
      (version) => ({ version, error: undefined }),
      (error: unknown) => ({ version: undefined, error: describeError(error) }),
    ),
    listToolStatus({ exec: deps.exec, cacheDir: deps.workDir, ...(deps.pathEnv === undefined ? {} : { pathEnv: deps.pathEnv }) }).then((all) => all.map(formatToolStatus)),
  ]);
  const identity = deps.cluster ?? resolveClusterIdentity(deps.context);
  const node = identity.nodeContainer;
  // A context kind did not make has no node container: its API is asked directly.
  const cluster =
    node === undefined ? { exists: true, running: true, missingMappings: [] } : docker.version ? await inspectKindNode(deps.exec, node) : { exists: false, running: false, missingMappings: [] };
  const status: PlatformStatus = { context: deps.context, ...(identity.kindName === undefined ? {} : { kindName: identity.kindName }), dockerVersion: docker.version, ...(docker.error === undefined ? {} : { dockerError: docker.error }), cluster, tools };
  if (!cluster.running) return status;
  let kube: Kube;
  try {
    kube = await deps.kube();
    await kube.get({ apiVersion: "v1", kind: "Namespace", name: "kube-system" });
  } catch (error) {
    return { ...status, api: { reachable: false, error: describeError(error) } };
  }
  const [istio, addons, flagger, labNamespaceReady, baseline] = await Promise.all([
    readIstioState(kube),
    readAddonStates(kube),
    readFlaggerState(kube),
    isLabNamespaceReady(kube),
    readBaselineState(kube, deps.workDir, deps.context),
  ]);
  return {
    ...status,
    api: { reachable: true },
    istio,
    addons,
    flagger,
    labNamespaceReady,
    baseline,
  };
}

async function readBaselineState(kube: Kube, workDir: string, context: string): Promise<NonNullable<PlatformStatus["baseline"]>> {
  const [baseline, current] = await Promise.all([readBaseline(workDir, context), takeSnapshot(kube)]);
  if (!baseline) return { recorded: false, sameCluster: false, differences: [] };
  if (baseline.clusterId !== current.clusterId) return { recorded: true, sameCluster: false, differences: [] };
  return { recorded: true, sameCluster: true, differences: compareSnapshots(baseline, current) };
}
