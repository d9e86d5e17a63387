import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

// A download older than this is not in progress anywhere: its process was killed before it could clean up.
const STALE_MS = 60 * 60_000;

// Removes `.download-*.part` files and `.extract-*` folders a killed run left in the tools folder.
export async function removeStalePartialDownloads(toolsDir: string, now: number = Date.now()): Promise<void> {
  const entries = await readdir(toolsDir).catch(() => [] as string[]);
  for (const name of entries) {
    if (!/^\.download-.*\.part$|^\.extract-/.test(name)) continue;
    const path = join(toolsDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined && now - info.mtimeMs > STALE_MS) await rm(path, { recursive: true, force: true });
  }
}
