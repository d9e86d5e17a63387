// A long-running process of the twin (etcd, kube-apiserver, istiod, Envoy, ...): output to its log file, its
// exit noticed, stopped with SIGTERM then SIGKILL. Children stay in the supervisor's process group, so one
// group kill (cli.ts stop) ends them all even if the supervisor died first.

import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface TwinProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
  /** Resolves with "exit code N" / "signal S" once it ended. */
  readonly exited: Promise<string>;
  running(): boolean;
  /** The log's last lines, for error messages. */
  tail(lines?: number): string;
  stop(): Promise<void>;
}

export function startTwinProcess(name: string, file: string, args: readonly string[], options: { logDir: string; env?: NodeJS.ProcessEnv; cwd?: string }): TwinProcess {
  const logFile = join(options.logDir, `${name}.log`);
  const fd = openSync(logFile, "a");
  const child = spawn(file, [...args], { stdio: ["ignore", fd, fd], env: options.env ?? process.env, ...(options.cwd ? { cwd: options.cwd } : {}) });
  closeSync(fd);
  let ended = false;
  const exited = new Promise<string>((resolve) => {
    child.on("error", (error) => {
      ended = true;
      resolve(`could not start: ${error.message}`);
    });
    child.on("exit", (code, signal) => {
      ended = true;
      resolve(signal === null ? `exit code ${code ?? "?"}` : `signal ${signal}`);
    });
  });
  const tail = (lines = 15): string => {
    try {
      return readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  };
  return {
    name,
    child,
    logFile,
    exited,
    running: () => !ended,
    tail,
    async stop() {
      if (ended) return;
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}
