import { isLabError } from "../../core/errors.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { targetCommand, type CommandTarget } from "../../core/command-target.js";
import { fileWriteError } from "../../core/file-write-error.js";
import type { CliIo } from "./io.js";

// A full disk or a refused write anywhere is the machine, not a bug: exit 3 with what to free.
function asEnvironmentFailure(error: unknown): unknown {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (isLabError(error) || code === undefined || !ENVIRONMENT_CODES.has(code)) return error;
  return fileWriteError(path ?? "a file", error);
}

const ENVIRONMENT_CODES = new Set(["ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS"]);

// Commands quoted in a message (`kubectl get pods -n x`) name the run's cluster, so they are safe to paste.
function targetQuoted(text: string, target: CommandTarget | undefined): string {
  return target === undefined ? text : text.replace(/`([^`\n]+)`/g, (_, command: string) => `\`${targetCommand(command, target)}\``);
}

// Prints a failure for a person (no stack for expected failures) and returns the exit code.
export function reportError(thrown: unknown, io: CliIo, verbose: boolean, target?: CommandTarget): ExitCodeValue {
  const error = asEnvironmentFailure(thrown);
  if (isLabError(error)) {
    io.err(`✖ ${targetQuoted(error.message, target)}`);
    if (error.hint) io.err(`  → ${targetQuoted(error.hint, target)}`);
    if (verbose && error.cause instanceof Error && error.cause.stack) io.err(error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`✖ Unexpected error: ${message}`);
  if (verbose && error instanceof Error && error.stack) io.err(error.stack);
  else io.err("  → This is probably a bug in istio-lab: rerun with --verbose and report the output.");
  return ExitCode.FAILED;
}
