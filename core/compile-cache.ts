// Node's module compile cache (Node >= 22.1) under the user's cache folder: later starts of the CLI reuse the
// compiled code of every module instead of parsing it again. Imports only built-ins and paths, like the Node gate.
import * as nodeModule from "node:module";
import { join } from "node:path";
import { cacheDir } from "./paths.js";

// Where the cache lives: <cacheDir>/node-compile-cache (~/.cache/istio-lab/...). NODE_COMPILE_CACHE, if set, wins.
export function compileCacheDir(env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), "node-compile-cache");
}

// Turns the cache on; a Node without the API, or a folder it cannot use, just starts without it.
export function enableCompileCacheIn(env: NodeJS.ProcessEnv): void {
  const enable = (nodeModule as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (enable === undefined || env["NODE_COMPILE_CACHE"] !== undefined) return;
  try {
    enable(compileCacheDir(env));
  } catch {
    // Only slower.
  }
}
