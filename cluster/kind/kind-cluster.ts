import type { Exec } from "../../core/exec.js";
import { environmentError, type LabError } from "../../core/errors.js";
import { formatCommand } from "../../core/shell-quote.js";
import { KIND_CLUSTER_NAME } from "./kind-config.js";

// `kind get clusters` prints one name a line (or "No kind clusters found." on stderr).
export function parseKindClusters(stdout: string): string[] {
  return stdout.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("No kind clusters"));
}

// True when kind lists our cluster (whether or not its node is running).
export async function kindClusterExists(exec: Exec, kind: string): Promise<boolean> {
  const result = await exec(kind, ["get", "clusters"]);
  return parseKindClusters(result.stdout).includes(KIND_CLUSTER_NAME);
}

// `kind create cluster` for our name and config, waiting for the control plane.
export function createClusterArgs(configPath: string): string[] {
  return ["create", "cluster", "--name", KIND_CLUSTER_NAME, "--config", configPath, "--wait", "180s"];
}

// `kind delete cluster` for our name.
export function deleteClusterArgs(): string[] {
  return ["delete", "cluster", "--name", KIND_CLUSTER_NAME];
}

// Creates the cluster; turns kind's most common failures into a next step.
export async function createKindCluster(exec: Exec, kind: string, configPath: string): Promise<void> {
  const result = await exec(kind, createClusterArgs(configPath), { allowFailure: true });
  if (result.exitCode === 0) return;
  const output = `${result.stderr}\n${result.stdout}`;
  const hint = /address already in use|port is already allocated/i.test(output)
    ? "A host port in 30000-30007 is taken: run `npm run lab doctor` to see which, free it, then `npm run lab up`."
    : /ip6tables|IPv6/i.test(output)
      ? "Docker could not create kind's IPv6 network: run `docker network create -d=bridge kind`, then `npm run lab up`."
      : "Run `npm run lab doctor`; if the cluster is half-created, `npm run lab down` then `npm run lab up`.";
  throw environmentError(`kind could not create the cluster '${KIND_CLUSTER_NAME}':\n${output.trim().split("\n").slice(-8).join("\n")}`, { hint });
}

// Deletes the cluster (its kube context goes with it).
export async function deleteKindCluster(exec: Exec, kind: string): Promise<void> {
  await exec(kind, deleteClusterArgs());
}

// The refusal for a cluster whose port mappings cannot be fixed in place.
export function wrongMappingsError(missing: string[]): LabError {
  return environmentError(
    `The existing kind cluster '${KIND_CLUSTER_NAME}' was created without the host ports the labs need: ${missing.join(", ")}.`,
    { hint: "Port mappings cannot be changed on a running cluster: recreate it with `npm run lab -- up --recreate`." },
  );
}

// The kind command line a person would type, for logs and --dry-run.
export function kindCommand(args: string[]): string {
  return formatCommand("kind", args);
}
