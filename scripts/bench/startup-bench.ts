import { spawnSync } from "node:child_process";

export interface StartupResult {
  label: string;
  medianMs: number;
  ratio: number;
}

// Median wall time of a command over `runs` runs (after one warm-up).
export function medianWallMs(command: string, args: string[], runs: number): number {
  spawnSync(command, args, { stdio: "ignore" });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const child = spawnSync(command, args, { stdio: "ignore" });
    if (child.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${child.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

// `lab list` and `lab --help` against `node -e 0`, measured in the same run.
export function benchStartup(cliPath: string, runs = 9): { baselineMs: number; results: StartupResult[] } {
  const baselineMs = medianWallMs(process.execPath, ["-e", "0"], runs);
  const results = [
    { label: "lab list", args: [cliPath, "list"] },
    { label: "lab --help", args: [cliPath, "--help"] },
  ].map(({ label, args }) => {
    const medianMs = medianWallMs(process.execPath, args, runs);
    return { label, medianMs, ratio: medianMs / baselineMs };
  });
  return { baselineMs, results };
}
