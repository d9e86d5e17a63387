import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { environmentError } from "../../core/errors.js";
import type { Kube } from "../../core/kube.js";
import { createClusterArgs, createKindCluster, deleteClusterArgs, deleteKindCluster, kindClusterExists, kindCommand, wrongMappingsError } from "../kind/kind-cluster.js";
import { KIND_CLUSTER_NAME, KIND_NODE_CONTAINER, renderKindConfigYaml } from "../kind/kind-config.js";
import { inspectKindNode } from "./kind-node-state.js";
import type { PlanDisplay, PlatformDeps, PlatformStep } from "../install/platform-types.js";

const API_READY_TIMEOUT_MS = 120_000;

// Where `up` writes the kind config it creates the cluster with.
export function kindConfigPath(workDir: string): string {
  return join(workDir, "kind-config.yaml");
}

// The kind cluster: created when absent, started when stopped, refused (or recreated) when its ports are wrong.
export function kindClusterStep(display: PlanDisplay, recreate: boolean): PlatformStep {
  let recreated = false;
  const create = kindCommand(createClusterArgs(kindConfigPath(display.workDir)));
  return {
    id: "kind-cluster",
    title: `kind cluster '${KIND_CLUSTER_NAME}' (kindest/node v1.23.17, host ports 30000-30007)${recreate ? ", deleted and created again" : ""}`,
    command: recreate ? `${kindCommand(deleteClusterArgs())}\n${create}` : create,
    async isDone(deps) {
      if (recreate && !recreated) return false;
      if (!(await kindClusterExists(deps.exec, deps.tools.kind))) return false;
      const node = await inspectKindNode(deps.exec);
      if (node.missingMappings.length > 0) throw wrongMappingsError(node.missingMappings);
      return node.running;
    },
    async run(deps) {
      const exists = await kindClusterExists(deps.exec, deps.tools.kind);
      if (exists && !recreate) {
        const node = await inspectKindNode(deps.exec);
        if (node.missingMappings.length > 0) throw wrongMappingsError(node.missingMappings);
        if (!node.running) {
          deps.log(`docker start ${KIND_NODE_CONTAINER}`);
          await deps.exec("docker", ["start", KIND_NODE_CONTAINER]);
          await waitForApi(deps);
        }
        return;
      }
      if (exists) await deleteKindCluster(deps.exec, deps.tools.kind);
      await mkdir(deps.workDir, { recursive: true });
      const configPath = kindConfigPath(deps.workDir);
      await writeFile(configPath, renderKindConfigYaml(), "utf8");
      await createKindCluster(deps.exec, deps.tools.kind, configPath);
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
