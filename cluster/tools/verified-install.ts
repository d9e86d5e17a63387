import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { writeFileAtomically } from "../../core/atomic-write.js";
import { cachedBinaryPath, toolInstallDir } from "./tool-cache.js";
import type { ToolArtifact, ToolName } from "./tool-pins.js";

const RECORD_FILE = ".verified.json";

/** What was checked when a tool entered the cache: the download's digest and the installed binary's. */
export interface VerifiedRecord {
  url: string;
  downloadSha256: string;
  binarySha256: string;
}

/** Whether a cached binary is still the one that was verified. */
export type CacheIntegrity = { state: "intact" } | { state: "unrecorded" } | { state: "changed"; recorded: string; actual: string };

// SHA-256 of a file, streamed.
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(path), hash);
  return hash.digest("hex");
}

// Written after a verified install, next to the tool.
export async function recordVerifiedInstall(cacheDir: string, artifact: ToolArtifact, downloadSha256: string): Promise<void> {
  const record: VerifiedRecord = { url: artifact.url, downloadSha256, binarySha256: await sha256File(cachedBinaryPath(cacheDir, artifact.pin.tool)) };
  await writeFileAtomically(join(toolInstallDir(cacheDir, artifact.pin.tool), RECORD_FILE), JSON.stringify(record, null, 2) + "\n");
}

// Re-hashes the cached binary and compares it with the record (about a second for all four tools).
export async function checkCacheIntegrity(cacheDir: string, tool: ToolName): Promise<CacheIntegrity> {
  let record: VerifiedRecord;
  try {
    record = JSON.parse(await readFile(join(toolInstallDir(cacheDir, tool), RECORD_FILE), "utf8")) as VerifiedRecord;
  } catch {
    return { state: "unrecorded" };
  }
  const actual = await sha256File(cachedBinaryPath(cacheDir, tool)).catch((error: unknown) => `unreadable (${(error as Error).message})`);
  return actual === record.binarySha256 ? { state: "intact" } : { state: "changed", recorded: record.binarySha256, actual };
}
