import type { Exec } from "../../core/exec.js";
import { cacheDir as defaultCacheDir } from "../../core/paths.js";
import { findExecutablesOnPath } from "./path-lookup.js";
import { cachedBinaryPath, isToolCached } from "./tool-cache.js";
import { TOOL_NAMES, TOOL_PINS, type ToolName } from "./tool-pins.js";
import { checkCacheIntegrity, type CacheIntegrity } from "./verified-install.js";
import { VERSION_ARGS, isPinnedVersion, parseToolVersion } from "./tool-version.js";

export interface ToolStatusOptions {
  /** Runs `<tool> version` on PATH candidates. */
  exec: Exec;
  /** Defaults to core/paths cacheDir(). */
  cacheDir?: string;
  /** The PATH to search; defaults to process.env.PATH. An empty string disables the PATH lookup. */
  pathEnv?: string;
  signal?: AbortSignal;
}

/** What is known locally about one pinned tool, found without any network request. */
export interface ToolStatus {
  tool: ToolName;
  /** The pinned version. */
  version: string;
  /** Where the cached binary is, or would be after a download. */
  cachePath: string;
  cached: boolean;
  /** For a complete cached install: still the binary that was verified, placed by hand (no record), or changed. */
  integrity?: CacheIntegrity;
  /** The first executable of this name on PATH and the version it reported (undefined: unrecognised or failed). */
  onPath: { path: string; version: string | undefined } | undefined;
  /** A PATH executable that reports exactly the pinned version. */
  pinnedOnPath: string | undefined;
  /** The binary ensureTools would use now; "missing" means it must be downloaded first. */
  source: "path" | "cache" | "missing";
  /** True when ensureTools would download: no usable binary, or (istioctl) the full release is not cached. */
  needsDownload: boolean;
}

// The local status of every pinned tool: PATH candidates and their versions, and the cache.
export async function listToolStatus(options: ToolStatusOptions): Promise<ToolStatus[]> {
  return Promise.all(TOOL_NAMES.map((tool) => inspectTool(tool, options)));
}

// The local status of one pinned tool.
export async function inspectTool(tool: ToolName, options: ToolStatusOptions): Promise<ToolStatus> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const version = TOOL_PINS[tool].version;
  const [complete, pathReport] = await Promise.all([isToolCached(cacheDir, tool), inspectPath(tool, options)]);
  // A cached binary that changed since it was verified is not used: it is downloaded again.
  const integrity = complete ? await checkCacheIntegrity(cacheDir, tool) : undefined;
  const cached = complete && integrity?.state !== "changed";
  const source = pathReport.pinned !== undefined ? "path" : cached ? "cache" : "missing";
  const needsDownload = !cached && (tool === "istioctl" || pathReport.pinned === undefined);
  return { tool, version, cachePath: cachedBinaryPath(cacheDir, tool), cached, ...(integrity ? { integrity } : {}), onPath: pathReport.first, pinnedOnPath: pathReport.pinned, source, needsDownload };
}

// One line for `lab doctor`/`status`, e.g. "kind v0.22.0: cached at /home/u/.cache/istio-lab/tools/kind-v0.22.0/kind".
export function formatToolStatus(status: ToolStatus): string {
  const head = `${status.tool} ${status.version}`;
  const other = status.onPath && status.pinnedOnPath === undefined ? ` (PATH has ${status.onPath.version ?? "an unrecognised version"} at ${status.onPath.path}, not used)` : "";
  const changed = status.integrity?.state === "changed" ? `; the cached binary changed since it was verified (sha256 ${status.integrity.actual}, verified ${status.integrity.recorded}): it will be downloaded again` : "";
  if (status.source === "path") {
    const release = status.tool === "istioctl" && !status.cached ? "; the Istio release (samples/addons) is not cached yet" : "";
    return `${head}: on PATH at ${status.pinnedOnPath} (reports ${status.onPath?.version ?? status.version}), not downloaded${release}${changed}`;
  }
  if (status.source === "cache") {
    const verified = status.integrity?.state === "unrecorded" ? " (placed by hand: no record of a verified download)" : " (SHA-256 re-checked)";
    return `${head}: cached at ${status.cachePath}${verified}${other}`;
  }
  return `${head}: not installed, will be downloaded to ${status.cachePath}${other}${changed}`;
}

interface PathReport {
  first: { path: string; version: string | undefined } | undefined;
  pinned: string | undefined;
}

async function inspectPath(tool: ToolName, options: ToolStatusOptions): Promise<PathReport> {
  const candidates = await findExecutablesOnPath(tool, options.pathEnv ?? process.env["PATH"]);
  const report: PathReport = { first: undefined, pinned: undefined };
  for (const path of candidates) {
    const version = await readVersion(tool, path, options);
    report.first ??= { path, version };
    if (isPinnedVersion(version, TOOL_PINS[tool].version)) {
      report.pinned = path;
      break;
    }
  }
  return report;
}

// The version a binary reports, or undefined when it cannot run or prints something unrecognised.
async function readVersion(tool: ToolName, path: string, options: ToolStatusOptions): Promise<string | undefined> {
  try {
    const result = await options.exec(path, VERSION_ARGS[tool], { allowFailure: true, timeoutMs: 15_000, signal: options.signal });
    return result.exitCode === 0 ? parseToolVersion(tool, result.stdout) : undefined;
  } catch {
    return undefined;
  }
}
