import { readFile } from "node:fs/promises";
import { release } from "node:os";
import type { Exec } from "../../core/exec.js";
import { cacheDir } from "../../core/paths.js";
import { KIND_NODE_CONTAINER } from "../kind/kind-config.js";
// doctor has no --context: it checks the machine for the lab cluster's node (kind-myk8s).
import { parsePortBindings } from "../kind/port-bindings.js";
import { checkDocker, dockerMajor } from "./check-docker.js";
import { checkDisk, checkNodeVersion } from "./check-host.js";
import { checkKernelModules } from "./check-kernel-modules.js";
import { checkKindNetwork } from "./check-kind-network.js";
import { checkPorts } from "./check-ports.js";
import { checkMirrors } from "./check-mirrors.js";
import { checkDockerHub } from "./check-docker-hub.js";
import { checkImageArchitectures } from "./check-architecture.js";
import { readMirrorStates } from "../mirror/mirror-state.js";
import { REGISTRY_MIRRORS, mirrorsEnabled } from "../mirror/registry-mirrors.js";
import type { DoctorResult } from "./doctor-types.js";
import { formatToolStatus, listToolStatus, type ToolStatus } from "../tools/tool-status.js";

async function readOptional(path: string): Promise<string | undefined> {
  return readFile(path, "utf8").catch(() => undefined);
}

// Host ports our cluster's node container already maps (so they count as ours, not busy).
async function portsHeldByCluster(exec: Exec): Promise<Set<number>> {
  const inspect = await exec("docker", ["inspect", KIND_NODE_CONTAINER, "--format", "{{json .HostConfig.PortBindings}}"], { allowFailure: true, timeoutMs: 30_000 });
  if (inspect.exitCode !== 0) return new Set();
  return new Set(parsePortBindings(inspect.stdout.trim()).values());
}

// The docker.io mirror's recent log lines (where a 429 from Docker Hub shows), or undefined without that mirror.
async function dockerHubMirrorLog(exec: Exec): Promise<string | undefined> {
  const mirror = REGISTRY_MIRRORS.find((candidate) => candidate.upstream === "docker.io");
  if (mirror === undefined) return undefined;
  const result = await exec("docker", ["logs", "--tail", "500", mirror.container], { allowFailure: true, timeoutMs: 30_000 });
  return result.exitCode === 0 ? result.stdout + result.stderr : undefined;
}

// One line per pinned tool: a PATH binary with its version, a re-checked cache entry, or what will be downloaded.
function toolResult(status: ToolStatus): DoctorResult {
  const name = `${status.tool} ${status.version}`;
  const detail = formatToolStatus(status).slice(name.length + 2);
  if (status.integrity?.state === "changed") return { name, status: "warn", detail, fix: "`npm run lab up` downloads and verifies it again." };
  return { name, status: status.needsDownload ? "warn" : "ok", detail };
}

// Every doctor check, in the order a person fixes them; the independent ones run at the same time.
export async function runDoctor(exec: Exec): Promise<DoctorResult[]> {
  // The tools' versions do not depend on Docker: asked at the same time as Docker itself.
  const [docker, disk, modules, builtin, toolStates] = await Promise.all([
    checkDocker(exec),
    checkDisk(cacheDir()),
    readOptional("/proc/modules"),
    readOptional(`/lib/modules/${release()}/modules.builtin`),
    listToolStatus({ exec, cacheDir: cacheDir() }),
  ]);
  const reachable = docker.serverVersion !== undefined;
  const mirrors = mirrorsEnabled(process.env);
  const [held, kindNetwork, mirrorStates, dockerHubLog] = await Promise.all([
    reachable ? portsHeldByCluster(exec) : Promise.resolve(new Set<number>()),
    reachable ? exec("docker", ["network", "inspect", "kind"], { allowFailure: true, timeoutMs: 30_000 }).then((result) => result.exitCode === 0) : Promise.resolve(false),
    reachable && mirrors ? readMirrorStates(exec) : Promise.resolve(undefined),
    reachable && mirrors ? dockerHubMirrorLog(exec) : Promise.resolve(undefined),
  ]);
  return [
    docker.result,
    await checkPorts(held),
    disk,
    checkNodeVersion(),
    checkKernelModules(process.platform, modules, builtin ?? ""),
    checkKindNetwork(dockerMajor(docker.serverVersion), kindNetwork),
    checkMirrors(mirrorStates, mirrors),
    checkDockerHub(process.env, dockerHubLog),
    checkImageArchitectures(process.arch),
    ...toolStates.map(toolResult),
  ];
}

const ICON = { ok: "✔", warn: "!", fail: "✖" } as const;

// The doctor report: one line per check (and its fix when not ok), then the verdict.
export function formatDoctor(results: readonly DoctorResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.flatMap((r) => {
    const head = `${ICON[r.status]} ${r.status.padEnd(4)} ${r.name.padEnd(width)}  ${r.detail}`;
    return r.fix && r.status !== "ok" ? [head, `${" ".repeat(width + 9)}  fix: ${r.fix}`] : [head];
  });
  const failed = results.filter((r) => r.status === "fail").length;
  const warned = results.filter((r) => r.status === "warn").length;
  lines.push("", failed > 0 ? `${failed} check(s) failed, ${warned} warning(s): fix the failures before \`npm run lab up\`.` : `Ready${warned ? ` (${warned} warning(s))` : ""}.`);
  return lines.join("\n");
}
