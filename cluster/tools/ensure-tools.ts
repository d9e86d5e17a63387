import { rm } from "node:fs/promises";
import type { Exec } from "../../core/exec.js";
import type { PinPolicy } from "./first-use-digest.js";
import type { PinnedDigest } from "./tool-digests.js";
import { cacheDir as defaultCacheDir } from "../../core/paths.js";
import { resolveHost, type HostPlatform } from "./host-platform.js";
import { installTool } from "./install-tool.js";
import type { DownloadProgress } from "./progress-format.js";
import { toolInstallDir, toolsCacheDir } from "./tool-cache.js";
import { removeStalePartialDownloads } from "./stale-downloads.js";
import { combineToolFailures, type ToolFailure } from "./tool-download-failures.js";
import type { ToolPaths } from "./tool-paths.js";
import type { BaseUrls } from "./tool-pins.js";
import { planTools, type ToolPlanEntry } from "./tool-plan.js";
import { listToolStatus } from "./tool-status.js";

/** Inputs of ensureTools; everything but `exec` has a production default. */
export interface EnsureToolsOptions {
  /** Runs `<tool> version` on PATH candidates (core/exec createExec() in production). */
  exec: Exec;
  /** Defaults to core/paths cacheDir(); tools land in `<cacheDir>/tools/`. */
  cacheDir?: string;
  /** Overrides the official download locations (tests point them at 127.0.0.1). */
  baseUrls?: Partial<BaseUrls>;
  /** Defaults to resolveHost() from process.platform/process.arch. */
  host?: HostPlatform;
  /** The PATH to search; defaults to process.env.PATH. An empty string disables the PATH lookup. */
  pathEnv?: string;
  signal?: AbortSignal;
  /** Called for each received chunk of each download. */
  onProgress?: (progress: DownloadProgress) => void;
  /** The pinned digests (default: tool-digests.ts); tests pass their fixtures'. */
  digests?: Readonly<Record<string, PinnedDigest>>;
  /** Default "first-use": an artifact without a repository pin is checked against its publisher's digest, remembered; "strict" refuses it. */
  policy?: PinPolicy;
  /** Told in one line when a download was verified against its publisher's digest instead of a repository pin. */
  onNotice?: (line: string) => void;
}

// Makes every pinned tool available: a PATH binary at exactly the pinned version, else the cache (no network),
// else a verified download into the cache. The Istio release is always taken from the cache (samples/addons).
export async function ensureTools(options: EnsureToolsOptions): Promise<ToolPaths> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const plan = await resolveToolPlan({ ...options, cacheDir });
  await downloadMissing(plan, cacheDir, options);
  return toolPathsOf(plan, cacheDir);
}

// Where the tools are or would be, without downloading anything (Docker-only labs need none of them).
export async function resolveToolPaths(options: Omit<EnsureToolsOptions, "onProgress">): Promise<ToolPaths> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  return toolPathsOf(await resolveToolPlan({ ...options, cacheDir }), cacheDir);
}

// What ensureTools would do right now (PATH versions and cache checked, no network): for `--dry-run`.
export async function resolveToolPlan(options: Omit<EnsureToolsOptions, "onProgress">): Promise<ToolPlanEntry[]> {
  const host = options.host ?? resolveHost();
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const statuses = await listToolStatus({ exec: options.exec, cacheDir, pathEnv: options.pathEnv, signal: options.signal });
  return planTools({ host, cacheDir, baseUrls: options.baseUrls, statuses });
}

// Downloads every "download" entry in parallel and reports all failures as one error.
async function downloadMissing(plan: readonly ToolPlanEntry[], cacheDir: string, options: EnsureToolsOptions): Promise<void> {
  const downloads = plan.filter((entry) => entry.action === "download");
  if (downloads.length > 0) await removeStalePartialDownloads(toolsCacheDir(cacheDir));
  const results = await Promise.allSettled(
    downloads.map(async (entry) => {
      // A cached install that is incomplete or changed since it was verified is replaced whole.
      await rm(entry.installDir, { recursive: true, force: true });
      const { signal, onProgress, onNotice, digests, policy } = options;
      return installTool(entry.artifact, { cacheDir, signal, onProgress, onNotice, digests, policy });
    }),
  );
  const failures: ToolFailure[] = [];
  results.forEach((result, index) => {
    const entry = downloads[index];
    if (result.status === "rejected" && entry !== undefined) failures.push({ tool: entry.tool, error: result.reason });
  });
  if (failures.length === 0) return;
  if (options.signal?.aborted) throw failures[0]?.error;
  throw combineToolFailures(failures, cacheDir);
}

function toolPathsOf(plan: readonly ToolPlanEntry[], cacheDir: string): ToolPaths {
  const binaryOf = (tool: ToolPlanEntry["tool"]): string => {
    const entry = plan.find((candidate) => candidate.tool === tool);
    if (entry === undefined) throw new Error(`no plan entry for ${tool}`);
    return entry.binaryPath;
  };
  return {
    kind: binaryOf("kind"),
    kubectl: binaryOf("kubectl"),
    istioctl: binaryOf("istioctl"),
    helm: binaryOf("helm"),
    istioDir: toolInstallDir(cacheDir, "istioctl"),
  };
}
