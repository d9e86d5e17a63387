// Stand-ins for docker, kind, kubectl, istioctl and helm on PATH: each logs its command line and answers what a
// healthy machine would (Docker 27, the pinned tool versions, kind clusters from a file). A file
// `<dir>/hang-<tool>` makes that tool hang, to show timeouts and Ctrl-C.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { portBindingsJson } from "../../../platform/baseline-cluster.js";

export interface ToolShims {
  /** Put first on PATH. */
  binDir: string;
  /** Every command the shims ran, one line each ("kind delete cluster --name myk8s"). */
  commands(): string[];
  /** The kind clusters `kind get clusters` lists. */
  setKindClusters(names: string[]): void;
  /** Makes `tool` (only its `subcommand`, when given) sleep instead of answering. */
  hang(tool: string, subcommand?: string): void;
  /** Makes `tool` fail like a docker CLI whose daemon is not running. */
  down(tool: string): void;
}

const SHIM = String.raw`#!/bin/sh
me=$(basename "$0")
printf '%s\n' "$me $*" >> "$SHIM_DIR/commands.log"
if [ -e "$SHIM_DIR/hang-$me" ] || [ -e "$SHIM_DIR/hang-$me-$1" ]; then exec sleep 600; fi
if [ -e "$SHIM_DIR/down-$me" ]; then echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; fi
case "$me $*" in
  "docker version"*) echo 27.1.1 ;;
  "docker inspect "*) cat "$SHIM_DIR/node-inspect" ;;
  "docker network inspect kind") echo "[]" ;;
  "kind version") echo "kind v0.22.0 go1.20.13 linux/amd64" ;;
  "kind get clusters") cat "$SHIM_DIR/kind-clusters" ;;
  "kubectl version"*) echo '{"clientVersion":{"gitVersion":"v1.23.17"}}' ;;
  "istioctl version"*) echo 1.17.8 ;;
  "helm version"*) echo v3.11.3 ;;
esac
exit 0
`;

// Writes the shims into `<dir>/bin` and the Istio release stand-in into the tool cache (samples/addons).
export function createToolShims(dir: string, cacheHome: string): ToolShims {
  const binDir = join(dir, "bin");
  mkdirSync(binDir, { recursive: true });
  for (const tool of ["docker", "kind", "kubectl", "istioctl", "helm"]) {
    writeFileSync(join(binDir, tool), SHIM);
    chmodSync(join(binDir, tool), 0o755);
  }
  writeFileSync(join(dir, "kind-clusters"), "myk8s\n");
  writeFileSync(join(dir, "node-inspect"), `true|${portBindingsJson()}\n`);
  const istio = join(cacheHome, "istio-lab", "tools", "istio-1.17.8");
  mkdirSync(join(istio, "samples", "addons"), { recursive: true });
  mkdirSync(join(istio, "bin"), { recursive: true });
  writeFileSync(join(istio, "bin", "istioctl"), SHIM);
  chmodSync(join(istio, "bin", "istioctl"), 0o755);
  const log = join(dir, "commands.log");
  return {
    binDir,
    commands: () => (existsSync(log) ? readFileSync(log, "utf8").split("\n").filter((l) => l !== "") : []),
    setKindClusters: (names) => writeFileSync(join(dir, "kind-clusters"), names.map((n) => `${n}\n`).join("")),
    hang: (tool, subcommand) => writeFileSync(join(dir, subcommand === undefined ? `hang-${tool}` : `hang-${tool}-${subcommand}`), ""),
    down: (tool) => writeFileSync(join(dir, `down-${tool}`), ""),
  };
}

// The commands that change something (anything but a version, list or inspect question).
export function changingCommands(commands: readonly string[]): string[] {
  return commands.filter((c) => !/^(docker version|docker inspect|docker network inspect|kind version|kind get clusters|kubectl version|istioctl version|helm version)/.test(c));
}
