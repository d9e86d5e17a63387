// The istiod twin's binary: built by test/twin/istiod/build.sh into the cache, so warm runs take seconds.

import { join } from "node:path";
import { homedir } from "node:os";
import type { Exec } from "../../../core/exec.js";
import { environmentError } from "../../../core/errors.js";

/** The Go build needs minutes when cold (istio and its ~250 modules). */
const BUILD_TIMEOUT_MS = 90 * 60_000;

// ${XDG_CACHE_HOME:-$HOME/.cache}/istio-lab-twin: module cache, build cache and binary.
export function twinCacheDir(): string {
  return join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "istio-lab-twin");
}

// Builds (or finds up to date) the binary and returns its path; a missing Go or a failed build throws with a hint.
export async function ensureTwinBinary(exec: Exec, projectRoot: string): Promise<string> {
  const script = join(projectRoot, "test", "twin", "istiod", "build.sh");
  let result;
  try {
    result = await exec("bash", [script], { allowFailure: true, timeoutMs: BUILD_TIMEOUT_MS });
  } catch (error) {
    throw environmentError("The istiod twin could not be built.", { cause: error, hint: "Run test/twin/istiod/build.sh by hand to see why." });
  }
  if (result.exitCode === 3) throw environmentError(`Go is missing: ${result.stderr.trim()}`, { hint: "Install Go (see test/twin/istiod/go.mod for the version) or run on the CI machine." });
  if (result.exitCode !== 0) {
    throw environmentError(`Building the istiod twin failed (exit ${result.exitCode}):\n${result.stderr.split("\n").slice(-20).join("\n")}`, {
      hint: "Is the Go module proxy reachable? Run test/twin/istiod/build.sh by hand.",
    });
  }
  const path = result.stdout.trim().split("\n").pop();
  if (path === undefined || path === "") throw environmentError("build.sh printed no binary path.", { hint: "Run test/twin/istiod/build.sh by hand." });
  return path;
}
