import { isLabError } from "../../core/errors.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { targetCommand, type CommandTarget } from "../../core/command-target.js";
import type { CliIo } from "./io.js";

// Commands quoted in a message (`kubectl get pods -n x`) name the run's cluster, so they are safe to paste.
function targetQuoted(text: string, target: CommandTarget | undefined): string {
  return target === undefined ? text : text.replace(/`([^`\n]+)`/g, (_, command: string) => `\`${targetCommand(command, target)}\``);
}

// Prints a failure for a person (no stack for expected failures) and returns the exit code.
export function reportError(error: unknown, io: CliIo, verbose: boolean, target?: CommandTarget): ExitCodeValue {
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
