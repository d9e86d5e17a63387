import { isLabError } from "../../core/errors.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "./io.js";

// Prints a failure for a person (no stack for expected failures) and returns the exit code.
export function reportError(error: unknown, io: CliIo, verbose: boolean): ExitCodeValue {
  if (isLabError(error)) {
    io.err(`✖ ${error.message}`);
    if (error.hint) io.err(`  → ${error.hint}`);
    if (verbose && error.cause instanceof Error && error.cause.stack) io.err(error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`✖ Unexpected error: ${message}`);
  if (verbose && error instanceof Error && error.stack) io.err(error.stack);
  else io.err("  → This is probably a bug in istio-lab: rerun with --verbose and report the output.");
  return ExitCode.FAILED;
}
