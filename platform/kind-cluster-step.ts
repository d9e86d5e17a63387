import { writeFileAtomically } from "../core/atomic-write.js";
import { join } from "node:path";
import { environmentError } from "../core/errors.js";
import type { Kube } from "../core/kube.js";
import { createClusterArgs, createKindCluster, deleteClusterArgs, deleteKindCluster, kindClusterExists, kindCommand, wrongMappingsError } from "../cluster/kind/kind-cluster.js";
import { requireKindName, requireNodeContainer } from "../cluster/cluster-identity.js";
import { renderKindConfigYaml, type KindConfigOptions } from "../cluster/kind/kind-config.js";
import { inspectKindNode } from "./kind-node-state.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../cluster/install/platform-types.js";

const API_READY_TIMEOUT_MS = 120_000;

// Where `up` writes the kind config it creates the cluster with.
export function kindConfigPath(workDir: string): string {
  return join(workDir, "kind-config.yaml");
}

// The kind cluster: created when absent, started when stopped, refused (or recreated) when its ports are wrong.
export function kindClusterStep(display: PlanDisplay, recreate: boolean, configOptions: KindConfigOptions = {}): PlatformStep {
  let recreated = false;
  const shownName = display.cluster.kindName ?? "<not a kind context>";
  const create = kindCommand(createClusterArgs(shownName, kindConfigPath(display.workDir)));
  return {
    id: "kind-cluster",
    title: `kind cluster '${shownName}' (kindest/node v1.23.17, host ports 30000-30007)${recreate ? ", deleted and created again" : ""}`,
    command: recreate ? `${kindCommand(deleteClusterArgs(shownName))}\n${create}` : create,
    async isDone(deps) {
      const name = requireKindName(deps.cluster, "create or start a kind cluster");
      if (recreate && !recreated) return false;
      if (!(await kindClusterExists(deps.exec, deps.tools.kind, name, deps.signal))) return false;
      const node = await inspectKindNode(deps.exec, requireNodeContainer(deps.cluster, "inspect the kind node"), deps.signal);
      if (node.missingMappings.length > 0) throw wrongMappingsError(name, node.missingMappings);
      return node.running;
    },
    async run(deps) {
      const name = requireKindName(deps.cluster, "create or start a kind cluster");
      const container = requireNodeContainer(deps.cluster, "start the kind node");
      const exists = await kindClusterExists(deps.exec, deps.tools.kind, name, deps.signal);
      if (exists && !recreate) {
        const node = await inspectKindNode(deps.exec, container, deps.signal);
        if (node.missingMappings.length > 0) throw wrongMappingsError(name, node.missingMappings);
        if (!node.running) {
          deps.log(`docker start ${container}`);
          await deps.exec("docker", ["start", container], { timeoutMs: 120_000, signal: deps.signal });
          await waitForApi(deps);
        }
        return;
      }
      if (exists) await deleteKindCluster(deps.exec, deps.tools.kind, name, deps.signal);
      const configPath = kindConfigPath(deps.workDir);
      await writeFileAtomically(configPath, renderKindConfigYaml({ ...configOptions, name }));
      await createKindCluster(deps.exec, deps.tools.kind, name, configPath, deps.signal);
      recreated = true;
    },
  };
}

// After `docker start`, the API server needs a few seconds: poll a cheap read until it answers.
async function waitForApi(deps: PlatformDeps): Promise<void> {
  const deadline = deps.now() + API_READY_TIMEOUT_MS;
  let kube: Kube | undefined;
  let last: unknown;
  while (deps.now() < deadline) {
    try {
      kube ??= await deps.kube();
      await kube.get({ apiVersion: "v1", kind: "Namespace", name: "kube-system" });
      return;
    } catch (error) {
      last = error;
      await deps.sleep(2000, deps.signal);
    }
  }
  throw environmentError(`The kind node was started but its Kubernetes API did not answer within ${API_READY_TIMEOUT_MS / 1000} s.`, {
    hint: "Run `npm run lab -- up --recreate` to start from a fresh cluster.",
    cause: last,
  });
}
