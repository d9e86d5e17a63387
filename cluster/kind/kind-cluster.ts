import type { Exec } from "../../core/exec.js";
import { environmentError, type LabError } from "../../core/errors.js";
import { formatCommand } from "../../core/shell-quote.js";

// `kind get clusters` prints one name a line (or "No kind clusters found." on stderr).
export function parseKindClusters(stdout: string): string[] {
  return stdout.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("No kind clusters"));
}

// How long `kind get clusters` may take: it only lists containers, so longer means Docker is hung.
const KIND_LIST_TIMEOUT_MS = 30_000;
// Creating a cluster pulls the node image on first use: minutes, not hours.
const KIND_CREATE_TIMEOUT_MS = 15 * 60_000;
const KIND_DELETE_TIMEOUT_MS = 3 * 60_000;

// True when kind lists the named cluster (whether or not its node is running).
export async function kindClusterExists(exec: Exec, kind: string, name: string, signal?: AbortSignal): Promise<boolean> {
  const result = await exec(kind, ["get", "clusters"], { timeoutMs: KIND_LIST_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  return parseKindClusters(result.stdout).includes(name);
}

// `kind create cluster` for the named cluster and config, waiting for the control plane.
export function createClusterArgs(name: string, configPath: string): string[] {
  return ["create", "cluster", "--name", name, "--config", configPath, "--wait", "180s"];
}

// `kind delete cluster` for the named cluster (never kind's default name: --name is always given).
export function deleteClusterArgs(name: string): string[] {
  return ["delete", "cluster", "--name", name];
}

// Creates the cluster; turns kind's most common failures into a next step.
export async function createKindCluster(exec: Exec, kind: string, name: string, configPath: string, signal?: AbortSignal): Promise<void> {
  const result = await exec(kind, createClusterArgs(name, configPath), { allowFailure: true, timeoutMs: KIND_CREATE_TIMEOUT_MS, ...(signal ? { signal } : {}) });
  if (result.exitCode === 0) return;
  const output = `${result.stderr}\n${result.stdout}`;
  const hint = /address already in use|port is already allocated/i.test(output)
    ? "A host port in 30000-30007 is taken: run `npm run lab doctor` to see which, free it, then `npm run lab up`."
    : /ip6tables|IPv6/i.test(output)
      ? "Docker could not create kind's IPv6 network: run `docker network create -d=bridge kind`, then `npm run lab up`."
      : "Run `npm run lab doctor`; if the cluster is half-created, `npm run lab down` then `npm run lab up`.";
  throw environmentError(`kind could not create the cluster '${name}':\n${output.trim().split("\n").slice(-8).join("\n")}`, { hint });
}

// Deletes the named cluster (its kube context goes with it).
export async function deleteKindCluster(exec: Exec, kind: string, name: string, signal?: AbortSignal): Promise<void> {
  await exec(kind, deleteClusterArgs(name), { timeoutMs: KIND_DELETE_TIMEOUT_MS, ...(signal ? { signal } : {}) });
}

// The refusal for a cluster whose port mappings cannot be fixed in place.
export function wrongMappingsError(name: string, missing: string[]): LabError {
  return environmentError(
    `The existing kind cluster '${name}' was created without the host ports the labs need: ${missing.join(", ")}.`,
    { hint: "Port mappings cannot be changed on a running cluster: recreate it with `npm run lab -- up --recreate`." },
  );
}

// The kind command line a person would type, for logs and --dry-run.
export function kindCommand(args: string[]): string {
  return formatCommand("kind", args);
}
