// A light process edge for short, read-only probes (doctor's `docker version`, `<tool> version`): Node's own
// execFile, so a command that only asks a question does not pay execa's import (about 40 ms per process, most of
// doctor's start-up). Same contract as createExec: a result, or ExecError / CommandTimeoutError / spawnFailure.

import { execFile } from "node:child_process";
import { CommandTimeoutError, DEFAULT_EXEC_TIMEOUT_MS, ExecError, spawnFailure, tailLines, type Exec, type ExecResult } from "./exec.js";
import { formatCommand } from "./shell-quote.js";

const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export function createProbeExec(): Exec {
  return (file, args, options = {}) => {
    const command = formatCommand(file, args);
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    return new Promise<ExecResult>((resolve, reject) => {
      const child = execFile(
        file,
        [...args],
        { timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: "utf8", ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.env ? { env: { ...process.env, ...options.env } } : {}), ...(options.signal ? { signal: options.signal } : {}) },
        (error, stdout, stderr) => {
          const code = (error as { code?: unknown } | null)?.code;
          if (error !== null && typeof code !== "number") {
            if (options.signal?.aborted) return reject(options.signal.reason);
            if ((error as { killed?: boolean }).killed) return reject(new CommandTimeoutError(command, timeoutMs, tailLines(stderr || stdout, 20), error));
            return reject(spawnFailure(file, command, error));
          }
          const result: ExecResult = { command, exitCode: typeof code === "number" ? code : 0, stdout, stderr };
          if (result.exitCode !== 0 && options.allowFailure !== true) return reject(new ExecError(result));
          resolve(result);
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  };
}
