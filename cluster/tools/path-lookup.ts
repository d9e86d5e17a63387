import { realpath } from "node:fs/promises";
import { delimiter, isAbsolute, join } from "node:path";
import { isExecutableFile } from "./tool-cache.js";

// Every executable called `name` on a PATH string, in PATH order, without duplicates (same real file).
export async function findExecutablesOnPath(name: string, pathEnv: string | undefined): Promise<string[]> {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const dir of (pathEnv ?? "").split(delimiter)) {
    if (dir === "" || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (!(await isExecutableFile(candidate))) continue;
    const real = await realpath(candidate).catch(() => candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(candidate);
  }
  return found;
}
