import { createExec, type Exec } from "../../core/exec.js";
import type { CliIo } from "./io.js";

// The process edge of a verb: with --verbose every command line goes to stderr before it runs; the run's stop
// signal (Ctrl-C, SIGTERM) cancels any command that was not given its own.
export function createCliExec(verbose: boolean, io: CliIo, signal?: AbortSignal): Exec {
  return createExec({ ...(verbose ? { onCommand: (command: string) => io.err(`  $ ${command}`) } : {}), ...(signal ? { signal } : {}) });
}
