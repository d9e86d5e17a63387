import { setTimeout as delay } from "node:timers/promises";
import type { ClusterIdentity } from "../../cluster/cluster-identity.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { acquireClusterLock, type ClusterLock } from "../../cluster/cluster-lock.js";
import { join } from "node:path";
import { deferredKube, lazyKube } from "../../platform/lazy-kube.js";
import type { PlatformDeps, PlatformProgress } from "../../cluster/install/platform-types.js";
import { ExitCode } from "../../core/exit-codes.js";
import { InterruptedError, stoppedRunError, type StopSignal } from "../../core/interrupted-error.js";
import { platformProgressPrinter } from "../cli/platform-progress.js";
import { ensureTools, resolveToolPaths } from "../../cluster/tools/ensure-tools.js";
import type { PinPolicy } from "../../cluster/tools/first-use-digest.js";
import { formatProgressLine, type DownloadProgress } from "../../cluster/tools/progress-format.js";
import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import { checkDocker } from "../../cluster/doctor/check-docker.js";
import { environmentError } from "../../core/errors.js";
import { readTwinMarker } from "../../cluster/cluster-twin.js";
import { twinToolPaths } from "./twin-tools.js";
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
  /** The cluster resolved once from --context: context, kind cluster name, node container. */
  cluster: ClusterIdentity;
  signal: AbortSignal;
  platform: PlatformDeps;
  /** Platform progress for the terminal; a step that runs marks the cluster as touched. */
  progress: (progress: PlatformProgress) => void;
  /** Called when a lab starts changing the cluster. */
  markTouched(): void;
  /** When a stop signal arrived: the error to end with (exit 130/143), naming the way back if the cluster was touched. */
  stopped(): InterruptedError | undefined;
  labContext(): LabContext;
  close(): void;
}

// The LabContext/PlatformDeps clock: a timer that Ctrl-C (the signal) cuts short.
const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  await delay(ms, undefined, signal ? { signal } : {});
};

// First Ctrl-C (or SIGTERM) stops at the next safe point, then cleanup and the report run; a second Ctrl-C exits
// at once (a lock it leaves is taken over by the next run, since its PID is gone).
function interruptController(io: CliIo): { controller: AbortController; stopSignal: () => StopSignal | undefined; remove: () => void } {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const onSignal = (signal: StopSignal): void => {
    if (controller.signal.aborted) process.exit(signal === "SIGINT" ? ExitCode.INTERRUPTED : ExitCode.TERMINATED);
    received = signal;
    io.err(`\n■ ${signal === "SIGINT" ? "Ctrl-C" : "SIGTERM"}: stopping at the next safe point, then cleaning up (Ctrl-C again to quit at once)…`);
    controller.abort(new InterruptedError(signal));
  };
  const onInt = (): void => onSignal("SIGINT");
  const onTerm = (): void => onSignal("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    controller,
    stopSignal: () => received,
    remove: () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    },
  };
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
  throw environmentError(`kind needs a Docker engine, and ${result.detail.replace(/^not reachable/, "none is reachable").replace(/^hung:/, "the Docker engine is hung:")}`, { hint: result.fix ?? "Start Docker, then try again." });
}

/** What the verb does: decides whether --yes is needed on another context and whether it needs a kind cluster. */
export interface SessionVerb {
  name: string;
  /** Creates, installs, resets or deletes. */
  destructive: boolean;
  usesCluster?: boolean;
  /** Set when the verb acts on the kind cluster itself (create, delete): the context must be a kind one. */
  kindAction?: string;
  /** The cluster twin may take the kind cluster's place (lab runs and `all`). */
  twinStandsIn?: boolean;
}

// Verbs that change a cluster hold its lock: a second run waits (up to 30 minutes) naming the holder.
async function lockCluster(cluster: ClusterIdentity, verb: string, io: CliIo, signal: AbortSignal): Promise<ClusterLock> {
  return acquireClusterLock({
    dir: join(cacheDir(), "locks"),
    context: cluster.context,
    command: `${verb} --context ${cluster.context}`,
    waitMs: 30 * 60_000,
    signal,
    onWait: (holder) => io.err(`… Waiting for PID ${holder.pid} (\`${holder.command}\`, since ${holder.since}) to finish changing ${cluster.context}.`),
  });
}

// A lab run or `all`: brings the cluster up and resets it (destructive), on a kind cluster; Docker-only labs touch neither.
export function clusterVerb(name: string, usesCluster: boolean): SessionVerb {
  return usesCluster ? { name, destructive: true, usesCluster, kindAction: "bring up a kind cluster for the lab", twinStandsIn: true } : { name, destructive: false, usesCluster };
}

// --strict-pins refuses what the repository does not pin; by default a publisher's digest is trusted on first use.
export function pinPolicyOf(args: Pick<CliArgs, "strictPins">): PinPolicy {
  return args.strictPins ? "strict" : "first-use";
}

// Context guard, pinned tools and the lazily created API client, probe and certificates.
export async function openSession(args: CliArgs, io: CliIo, verb: SessionVerb): Promise<Session> {
  const cluster = chooseContext({
    requested: args.context,
    yes: args.yes,
    destructive: verb.destructive,
    verb: verb.name,
    ...(verb.kindAction ? { kindAction: verb.kindAction } : {}),
    ...(verb.twinStandsIn ? { twinStandsIn: true } : {}),
  });
  const context = cluster.context;
  const { controller, stopSignal, remove } = interruptController(io);
  let touched = false;
  const printProgress = platformProgressPrinter(io);
  let lock: ClusterLock | undefined;
  const log = args.verbose ? (line: string) => io.err(`  ${line}`) : () => {};
  const exec = createCliExec(args.verbose, io, controller.signal);
  let tools: ToolPaths | undefined;
  try {
    lock = verb.destructive ? await lockCluster(cluster, verb.name, io, controller.signal) : undefined;
    if (cluster.twin) tools = twinToolPaths(readTwinMarker(context, io.env));
    else await requireDocker(exec);
    tools ??=
      verb.usesCluster === false
        ? await resolveToolPaths({ exec, signal: controller.signal })
        : await ensureTools({ exec, signal: controller.signal, onProgress: progressPrinter(io), onNotice: (line) => io.err(line), policy: pinPolicyOf(args) });
  } catch (error) {
    remove();
    lock?.release();
    const signal = stopSignal();
    throw signal === undefined ? error : stoppedRunError(signal, { context, changed: false });
  }
  const getKube = lazyKube(context);
  const platform: PlatformDeps = { exec, kube: getKube, tools, cluster, workDir: cacheDir(), log, signal: controller.signal, now: Date.now, sleep, pinPolicy: pinPolicyOf(args), onNotice: (line) => io.err(line) };
  const certs = createCertStore(defaultCertDir());
  const probe = args.probe === "curl" ? createCurlProbe({ exec, certs }) : createNodeProbe({ certs });
  return {
    exec,
    tools,
    context,
    cluster,
    signal: controller.signal,
    platform,
    progress: (progress) => {
      if (progress.type === "running") touched = true;
      printProgress(progress);
    },
    markTouched: () => {
      touched = true;
    },
    stopped: () => {
      const signal = stopSignal();
      return signal === undefined ? undefined : stoppedRunError(signal, { context, changed: touched });
    },
    labContext: () => ({ exec, kube: deferredKube(context, getKube), cluster, probe, certs, tools, projectRoot: projectRoot(), log, now: Date.now, sleep, signal: controller.signal }),
    close: () => {
      probe.close();
      remove();
      lock?.release();
    },
  };
}
