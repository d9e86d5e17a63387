import { createExec, type Exec } from "../../core/exec.js";
import type { CliIo } from "./io.js";

// The process edge of a verb: with --verbose every command line goes to stderr before it runs.
export function createCliExec(verbose: boolean, io: CliIo): Exec {
  return createExec(verbose ? { onCommand: (command) => io.err(`  $ ${command}`) } : {});
}
