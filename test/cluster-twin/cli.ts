// `npm run cluster-twin -- start|stop|status`: starts the twin's supervisor detached in its own process group
// (pid file), waits for it to be ready and prints each piece's start-up time; stop ends the whole group.
// `start --parent <pid>` ties the twin to that process: it stops itself once the process is gone.

import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../core/paths.js";
import { twinCacheRoot, twinStateDir } from "./run/twin-paths.js";

const pidFile = (): string => join(twinCacheRoot(), "supervisor.pid");

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningPid(): number | undefined {
  if (!existsSync(pidFile())) return undefined;
  const pid = Number(readFileSync(pidFile(), "utf8").trim());
  return pid > 0 && alive(pid) ? pid : undefined;
}

export interface TwinReady {
  context: string;
  kubeconfig: string;
  timingsMs: Record<string, number>;
}

// Stops a running twin: SIGTERM to its process group, SIGKILL after 20 s.
export async function stopTwin(): Promise<boolean> {
  const pid = runningPid();
  if (pid === undefined) return false;
  process.kill(-pid, "SIGTERM");
  for (let waited = 0; waited < 20_000 && alive(pid); waited += 200) await delay(200);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is gone.
  }
  rmSync(pidFile(), { force: true });
  return true;
}

export async function startTwin(options: { parentPid?: number; timeoutMs?: number } = {}): Promise<TwinReady> {
  await stopTwin();
  const state = twinStateDir();
  mkdirSync(dirname(pidFile()), { recursive: true });
  // A previous run's ready.json must not be taken for this one's.
  rmSync(join(state, "ready.json"), { force: true });
  // Always the compiled supervisor (vitest runs this file from source).
  const supervisor = join(projectRoot(), "dist", "test", "cluster-twin", "run", "supervisor.js");
  const logFile = join(twinCacheRoot(), "supervisor.log");
  const fd = openSync(logFile, "w");
  const child = spawn(process.execPath, [supervisor, String(options.parentPid ?? 0)], { detached: true, stdio: ["ignore", fd, fd] });
  child.unref();
  const { writeFileSync } = await import("node:fs");
  writeFileSync(pidFile(), `${child.pid ?? 0}\n`);
  const deadline = Date.now() + (options.timeoutMs ?? 5 * 60_000);
  while (Date.now() < deadline) {
    if (existsSync(join(state, "ready.json"))) return JSON.parse(readFileSync(join(state, "ready.json"), "utf8")) as TwinReady;
    if (child.pid === undefined || !alive(child.pid)) break;
    await delay(250);
  }
  const tail = readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-25).join("\n");
  await stopTwin();
  throw new Error(`the cluster twin did not become ready (log ${logFile}):\n${tail}`);
}

async function main(): Promise<void> {
  const [verb, ...rest] = process.argv.slice(2);
  if (verb === "start") {
    const parentIndex = rest.indexOf("--parent");
    const parentPid = parentIndex >= 0 ? Number(rest[parentIndex + 1]) : undefined;
    const ready = await startTwin(parentPid === undefined ? {} : { parentPid });
    console.log(`cluster twin ready: context ${ready.context}`);
    for (const [piece, ms] of Object.entries(ready.timingsMs)) console.log(`  ${piece.padEnd(24)} ${(ms / 1000).toFixed(1)} s`);
    console.log(`export KUBECONFIG=${ready.kubeconfig}`);
    console.log(`node dist/scripts/lab.js <lab> --context ${ready.context} --yes`);
    return;
  }
  if (verb === "stop") {
    console.log((await stopTwin()) ? "cluster twin stopped" : "no cluster twin running");
    return;
  }
  if (verb === "status") {
    const pid = runningPid();
    console.log(pid === undefined ? "no cluster twin running" : `cluster twin running (supervisor PID ${pid}); state in ${twinStateDir()}`);
    return;
  }
  console.error("usage: cluster-twin start [--parent PID] | stop | status");
  process.exitCode = 2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  });
}
