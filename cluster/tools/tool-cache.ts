import { access, constants, stat } from "node:fs/promises";
import { join } from "node:path";
import { TOOL_PINS, type ToolName } from "./tool-pins.js";

// `<cacheDir>/tools`: the folder that holds every downloaded tool (and can be pre-populated by hand).
export function toolsCacheDir(cacheDir: string): string {
  return join(cacheDir, "tools");
}

// `<cacheDir>/tools/<tool>-<version>`: one tool's install folder (for Istio: the unpacked release).
export function toolInstallDir(cacheDir: string, tool: ToolName): string {
  return join(toolsCacheDir(cacheDir), TOOL_PINS[tool].installDir);
}

// Where the cached executable of a tool is (or would be).
export function cachedBinaryPath(cacheDir: string, tool: ToolName): string {
  return join(toolInstallDir(cacheDir, tool), TOOL_PINS[tool].binary);
}

// True when the cache holds a complete install of a tool.
export async function isToolCached(cacheDir: string, tool: ToolName): Promise<boolean> {
  return isCompleteInstall(toolInstallDir(cacheDir, tool), tool);
}

// True when `installDir` holds an executable binary, and for Istio also the samples/addons folder.
export async function isCompleteInstall(installDir: string, tool: ToolName): Promise<boolean> {
  if (!(await isExecutableFile(join(installDir, TOOL_PINS[tool].binary)))) return false;
  if (tool !== "istioctl") return true;
  const addons = await stat(join(installDir, "samples", "addons")).catch(() => undefined);
  return addons?.isDirectory() ?? false;
}

// True for a regular file this process may execute.
export async function isExecutableFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return false;
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}
