import { environmentError } from "../../core/errors.js";
import { DownloadError } from "./download-error.js";
import { cachedBinaryPath, toolInstallDir, toolsCacheDir } from "./tool-cache.js";
import { TOOL_PINS, type ToolName } from "./tool-pins.js";

/** One tool whose download or install failed. */
export interface ToolFailure {
  tool: ToolName;
  error: unknown;
}

// One error for every tool that could not be installed: a verification or archive error is thrown as it is
// (it carries its own hint); network failures are listed together with the URL, reason and cache path of each.
export function combineToolFailures(failures: readonly ToolFailure[], cacheDir: string): unknown {
  const first = failures[0];
  if (first === undefined) return undefined;
  const other = failures.find((failure) => !(failure.error instanceof DownloadError));
  if (other !== undefined) return other.error;
  const lines = failures.map(({ tool, error }) => {
    const { url, reason } = error as DownloadError;
    return `  - ${tool} ${TOOL_PINS[tool].version}: ${url} (${reason}); expected in the cache at ${expectedCachePath(cacheDir, tool)}`;
  });
  const folder = toolsCacheDir(cacheDir);
  return environmentError(`Could not download ${failures.length === 1 ? "a pinned tool" : `${failures.length} pinned tools`}, and the cache does not have ${failures.length === 1 ? "it" : "them"}:\n${lines.join("\n")}`, {
    hint: `Connect to the internet (or fix the proxy/DNS) and run again, or pre-populate the cache folder ${folder} with the files listed above.`,
    cause: failures.length === 1 ? first.error : new AggregateError(failures.map((failure) => failure.error)),
  });
}

function expectedCachePath(cacheDir: string, tool: ToolName): string {
  if (tool === "istioctl") return `${toolInstallDir(cacheDir, tool)} (the whole unpacked release, with bin/istioctl and samples/addons)`;
  return `${cachedBinaryPath(cacheDir, tool)} (executable)`;
}
