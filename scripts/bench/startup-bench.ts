// CLI start-up against `node -e 0`, interleaved: list, --help, a dry-run, doctor and `npm run lab list`.

import { spawnSync } from "node:child_process";
import { timeInterleaved, type InterleavedResult, type Timed } from "./interleave.js";

// A process run that must exit with one of `okCodes` (doctor exits 3 on a machine without Docker).
function spawnTimed(label: string, command: string, args: string[], okCodes: readonly number[] = [0]): Timed {
  return {
    label,
    run: () => {
      const child = spawnSync(command, args, { stdio: "ignore" });
      if (child.status === null || !okCodes.includes(child.status)) throw new Error(`${label}: ${command} ${args.join(" ")} exited ${child.status ?? child.signal}`);
    },
  };
}

function onPath(command: string): boolean {
  return spawnSync(command, ["--help"], { stdio: "ignore" }).error === undefined;
}

// Median times and per-round ratios to `node -e 0` over `rounds` interleaved rounds.
export async function benchStartup(cliPath: string, rounds = 9): Promise<{ baselineMs: number; results: InterleavedResult[] }> {
  const node = process.execPath;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return timeInterleaved(spawnTimed("node -e 0", node, ["-e", "0"]), [
    spawnTimed("lab list", node, [cliPath, "list"]),
    spawnTimed("lab --help", node, [cliPath, "--help"]),
    spawnTimed("lab ch5-traffic-shifting --dry-run", node, [cliPath, "ch5-traffic-shifting", "--dry-run"]),
    spawnTimed("lab doctor", node, [cliPath, "doctor"], [0, 3]),
    spawnTimed("npm run lab list", npm, ["run", "--silent", "lab", "list"]),
    // doctor's floor: it has to ask the docker CLI (which exits 1 when no engine answers) and any kubectl on PATH.
    ...(onPath("docker") ? [spawnTimed("docker version (doctor asks it)", "docker", ["version", "--format", "{{.Server.Version}}"], [0, 1])] : []),
    ...(onPath("kubectl") ? [spawnTimed("PATH kubectl version (doctor asks it)", "kubectl", ["version", "--client", "-o", "json"], [0, 1])] : []),
  ], rounds);
}
