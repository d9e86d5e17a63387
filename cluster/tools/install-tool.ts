import { chmod, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { environmentError } from "../../core/errors.js";
import { checksumMismatchError } from "./checksum.js";
import { downloadToTempFile } from "./download.js";
import { expectedDigest, type ExpectedDigest, type ExpectedDigestOptions } from "./expected-digest.js";
import { recordFirstUseDigest } from "./first-use-digest.js";
import { recordVerifiedInstall } from "./verified-install.js";
import { extractMember, extractTree, requireFile } from "./extract.js";
import type { DownloadProgress } from "./progress-format.js";
import { cachedBinaryPath, isCompleteInstall, toolInstallDir, toolsCacheDir } from "./tool-cache.js";
import type { ToolArtifact, ToolName } from "./tool-pins.js";

export interface InstallToolOptions extends Omit<ExpectedDigestOptions, "signal"> {
  /** The project cache folder; the tool lands in `<cacheDir>/tools/<tool>-<version>/`. */
  cacheDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Told in one line when a download was verified against its publisher's digest instead of a repository pin. */
  onNotice?: (line: string) => void;
}

// Downloads one tool, checks its SHA-256 against the pinned one, installs it atomically and records what was
// verified (so the cache can be re-checked before use); returns the binary path.
export async function installTool(artifact: ToolArtifact, options: InstallToolOptions): Promise<string> {
  const { cacheDir, signal, onProgress } = options;
  const tool = artifact.pin.tool;
  const toolsDir = toolsCacheDir(cacheDir);
  await mkdir(toolsDir, { recursive: true }).catch((error: unknown) => {
    throw environmentError(`Could not create the tools cache folder ${toolsDir}: ${(error as Error).message}`, {
      hint: "Make the folder writable, or set XDG_CACHE_HOME to a writable folder.",
      cause: error,
    });
  });
  const expected = await expectedDigest(artifact, { ...options, ...(signal ? { signal } : {}) });
  const file = await downloadToTempFile({
    url: artifact.url,
    dir: toolsDir,
    signal,
    ...(expected.bytes === undefined ? {} : { expectedBytes: expected.bytes }),
    onProgress: (receivedBytes, totalBytes) => onProgress?.({ tool, receivedBytes, totalBytes }),
  });
  try {
    if (file.sha256 !== expected.sha256 || (expected.bytes !== undefined && file.bytes !== expected.bytes)) {
      throw checksumMismatchError(artifact.url, expected.sha256, file.sha256, expected.source, sizeMismatch(expected, file.bytes));
    }
    await placeVerifiedDownload(artifact, file.path, cacheDir);
    await recordVerifiedInstall(cacheDir, artifact, file.sha256);
    if (expected.firstUse !== undefined) {
      await recordFirstUseDigest(cacheDir, artifact.url, file.sha256);
      options.onNotice?.(expected.firstUse.notice);
    }
  } finally {
    await rm(file.path, { force: true });
  }
  return cachedBinaryPath(cacheDir, tool);
}

function sizeMismatch(expected: ExpectedDigest, bytes: number): { expected: number; actual: number } | undefined {
  return expected.bytes === undefined || expected.bytes === bytes ? undefined : { expected: expected.bytes, actual: bytes };
}

// Moves a verified download into its install folder according to the tool's layout.
async function placeVerifiedDownload(artifact: ToolArtifact, downloaded: string, cacheDir: string): Promise<void> {
  const { layout, pin } = artifact;
  const installDir = toolInstallDir(cacheDir, pin.tool);
  if (layout.type === "raw") {
    await installExecutable(downloaded, installDir, pin.binary);
    return;
  }
  const staging = await mkdtemp(join(toolsCacheDir(cacheDir), ".extract-"));
  try {
    if (layout.type === "tar-member") {
      const extracted = await extractMember(downloaded, layout.member, staging, artifact.url);
      await installExecutable(extracted, installDir, pin.binary);
      return;
    }
    await extractTree(downloaded, staging, artifact.url);
    const root = join(staging, layout.rootDir);
    await requireFile(join(root, layout.binary), `${layout.rootDir}/${layout.binary}`, artifact.url);
    await chmod(join(root, layout.binary), 0o755);
    if (!(await isCompleteInstall(root, pin.tool))) {
      throw environmentError(`The archive ${artifact.url} is not a complete ${pin.tool} release (samples/addons missing).`, {
        hint: "The release layout is not the expected one; report this with the URL above.",
      });
    }
    await replaceDirectory(root, installDir, pin.tool);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// chmod 0755 then rename into place, so the final name only ever points at a complete executable.
async function installExecutable(source: string, installDir: string, binary: string): Promise<void> {
  await chmod(source, 0o755);
  const target = join(installDir, binary);
  await mkdir(join(target, ".."), { recursive: true });
  await rename(source, target);
}

// Renames a staged folder over an incomplete leftover; a complete one installed meanwhile is kept.
async function replaceDirectory(staged: string, target: string, tool: ToolName): Promise<void> {
  if (await isCompleteInstall(target, tool)) return;
  await rm(target, { recursive: true, force: true });
  try {
    await rename(staged, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}
