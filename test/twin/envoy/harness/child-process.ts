// A long-running helper process of the twin (Envoy, httpbin): its output kept for error messages, stopped on demand.

import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";

/** The last this many characters of output are kept. */
const OUTPUT_TAIL = 8_000;

export interface TwinChild {
  readonly process: ChildProcess;
  /** stdout and stderr interleaved, the last OUTPUT_TAIL characters. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  readonly exited: Promise<string>;
  /** Resolves with each stdout line (for processes announcing their port). */
  onLine(listener: (line: string) => void): void;
  stop(): Promise<void>;
}

// Spawns `file args`, never through a shell; the caller stops it. With `outputFile`, stdout and stderr go to
// that file (Envoy opens /dev/stdout for access logs, which fails on Node's socket pipes).
export function spawnTwinChild(file: string, args: readonly string[], outputFile?: string): TwinChild {
  const fd = outputFile === undefined ? undefined : openSync(outputFile, "a");
  const child = spawn(file, [...args], { stdio: fd === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", fd, fd] });
  if (fd !== undefined) closeSync(fd);
  let output = "";
  let partial = "";
  const listeners: ((line: string) => void)[] = [];
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    keep(chunk);
    partial += chunk.toString("utf8");
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) listeners.forEach((listener) => listener(line));
  });
  child.stderr?.on("data", keep);
  const exited = new Promise<string>((resolve) => {
    child.on("error", (error) => resolve(`could not start: ${error.message}`));
    child.on("exit", (code, signal) => resolve(signal === null ? `exit code ${code ?? "?"}` : `signal ${signal}`));
  });
  return {
    process: child,
    output: () => (outputFile === undefined ? output : readTail(outputFile)),
    exited,
    onLine: (listener) => listeners.push(listener),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function readTail(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8").slice(-OUTPUT_TAIL) : "";
}
