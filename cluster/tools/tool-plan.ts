import type { HostPlatform } from "./host-platform.js";
import { cachedBinaryPath, toolInstallDir } from "./tool-cache.js";
import { DEFAULT_BASE_URLS, TOOL_NAMES, toolArtifact, type BaseUrls, type ToolArtifact, type ToolName } from "./tool-pins.js";
import type { ToolStatus } from "./tool-status.js";
import { PINNED_DIGESTS } from "./tool-digests.js";

export interface ToolPlanInput {
  host: HostPlatform;
  cacheDir: string;
  baseUrls?: Partial<BaseUrls>;
  /** From listToolStatus(); without it every tool is planned as a download. */
  statuses?: readonly ToolStatus[];
}

/** What will happen for one tool, and from where. */
export interface ToolPlanEntry {
  tool: ToolName;
  version: string;
  action: "use-path" | "use-cache" | "download";
  /** The binary that will be used (the PATH one, or the cache path it will have). */
  binaryPath: string;
  /** `<cacheDir>/tools/<tool>-<version>` (for istioctl: the unpacked release, always needed). */
  installDir: string;
  artifact: ToolArtifact;
}

// Decides, without I/O, what each tool resolves to and what must be downloaded (for --dry-run and ensureTools).
export function planTools(input: ToolPlanInput): ToolPlanEntry[] {
  const baseUrls: BaseUrls = { ...DEFAULT_BASE_URLS, ...input.baseUrls };
  return TOOL_NAMES.map((tool) => {
    const artifact = toolArtifact(tool, input.host, baseUrls);
    const status = input.statuses?.find((entry) => entry.tool === tool);
    const cachePath = cachedBinaryPath(input.cacheDir, tool);
    const binaryPath = status?.pinnedOnPath ?? cachePath;
    const action = status === undefined || status.needsDownload ? "download" : status.pinnedOnPath !== undefined ? "use-path" : "use-cache";
    return { tool, version: artifact.pin.version, action, binaryPath, installDir: toolInstallDir(input.cacheDir, tool), artifact };
  });
}

// Human lines describing a plan, e.g. "download helm v3.11.3: <url> (sha256 <hex>, pinned in this repository) -> <dir>".
export function formatToolPlan(entries: readonly ToolPlanEntry[]): string[] {
  return entries.map((entry) => {
    const head = `${entry.tool} ${entry.version}`;
    if (entry.action === "use-path") return `use ${head} from PATH: ${entry.binaryPath}`;
    if (entry.action === "use-cache") return `use cached ${head}: ${entry.binaryPath}`;
    const { url, digestKey } = entry.artifact;
    const pin = PINNED_DIGESTS[digestKey];
    const check =
      pin !== undefined
        ? `sha256 ${pin.sha256}, pinned in this repository`
        : `not pinned in this repository: verified against ${entry.artifact.checksumUrl} and remembered on first use; refused with --strict-pins`;
    return `download ${head}: ${url} (${check}) -> ${entry.installDir}`;
  });
}
