import { setTimeout as delay } from "node:timers/promises";
import { chooseContext } from "../../cluster/context-guard.js";
import { deferredKube, lazyKube } from "../../cluster/platform/lazy-kube.js";
import type { PlatformDeps } from "../../cluster/install/platform-types.js";
import { ensureTools, resolveToolPaths } from "../../cluster/tools/ensure-tools.js";
import { formatProgressLine, type DownloadProgress } from "../../cluster/tools/progress-format.js";
import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import { checkDocker } from "../../cluster/doctor/check-docker.js";
import { environmentError } from "../../core/errors.js";
import type { Exec } from "../../core/exec.js";
import { cacheDir, projectRoot } from "../../core/paths.js";
import { createCertStore } from "../../engine/certs/cert-store.js";
import { defaultCertDir } from "../../engine/certs/cert-paths.js";
import type { LabContext } from "../../engine/lab-context.js";
import { createCurlProbe } from "../../engine/probes/curl-probe.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import { createCliExec } from "../cli/cli-exec.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";

/** The edges a cluster verb uses, built once per command. */
export interface Session {
  exec: Exec;
  tools: ToolPaths;
  context: string;
  signal: AbortSignal;
  platform: PlatformDeps;
  labContext(): LabContext;
  close(): void;
}

// The LabContext/PlatformDeps clock: a timer that Ctrl-C (the signal) cuts short.
const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal ? { signal } : {});
};

// First Ctrl-C stops at the next step boundary; a second one exits at once.
function interruptController(io: CliIo): { controller: AbortController; remove: () => void } {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(130);
    io.err("\n■ Stopping at the next step boundary (Ctrl-C again to quit at once)…");
    controller.abort(new Error("interrupted by Ctrl-C"));
  };
  process.on("SIGINT", onSignal);
  return { controller, remove: () => process.off("SIGINT", onSignal) };
}

// Download progress, at most one line per tool every two seconds (and the last one).
function progressPrinter(io: CliIo): (p: DownloadProgress) => void {
  const last = new Map<string, number>();
  return (progress) => {
    const now = Date.now();
    const done = progress.totalBytes !== undefined && progress.receivedBytes >= progress.totalBytes;
    if (!done && now - (last.get(progress.tool) ?? 0) < 2000) return;
    last.set(progress.tool, now);
    io.err(`  ↓ ${formatProgressLine(progress)}`);
  };
}

// Fails fast (exit 3) before any download when no Docker engine answers: kind cannot run without one.
async function requireDocker(exec: Exec): Promise<void> {
  const { result } = await checkDocker(exec);
  if (result.status === "ok") return;
  throw environmentError(`kind needs a Docker engine, and ${result.detail.replace(/^not reachable/, "none is reachable")}`, { hint: result.fix ?? "Start Docker, then try again." });
}

// Context guard, pinned tools and the lazily created API client, probe and certificates.
export async function openSession(args: CliArgs, io: CliIo, verb: { name: string; destructive: boolean; usesCluster?: boolean }): Promise<Session> {
  const { context } = chooseContext({ requested: args.context, yes: args.yes, destructive: verb.destructive, verb: verb.name });
  const { controller, remove } = interruptController(io);
  const log = args.verbose ? (line: string) => io.err(`  ${line}`) : () => {};
  const exec = createCliExec(args.verbose, io);
  await requireDocker(exec);
  const tools =
    verb.usesCluster === false
      ? await resolveToolPaths({ exec, signal: controller.signal })
      : await ensureTools({ exec, signal: controller.signal, onProgress: progressPrinter(io) });
  const getKube = lazyKube(context);
  const platform: PlatformDeps = { exec, kube: getKube, tools, context, workDir: cacheDir(), log, signal: controller.signal, now: Date.now, sleep };
  const certs = createCertStore(defaultCertDir());
  const probe = args.probe === "curl" ? createCurlProbe({ exec, certs }) : createNodeProbe({ certs });
  return {
    exec,
    tools,
    context,
    signal: controller.signal,
    platform,
    labContext: () => ({ exec, kube: deferredKube(context, getKube), probe, certs, tools, projectRoot: projectRoot(), log, now: Date.now, sleep, signal: controller.signal }),
    close: () => {
      probe.close();
      remove();
    },
  };
}
