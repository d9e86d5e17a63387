import { ExitCode, type ExitCodeValue } from "./exit-codes.js";

/** What kind of failure this is, which decides the exit code. */
export type LabErrorKind = "usage" | "environment" | "failed";

export interface LabErrorOptions {
  /** What the user can do next, one line. */
  hint?: string;
  /** The lower-level error this one explains. */
  cause?: unknown;
}

/**
 * An expected failure that speaks to a person: what failed (message), why it probably failed and what
 * to do next (hint). The CLI prints these without a stack trace.
 */
export class LabError extends Error {
  readonly kind: LabErrorKind;
  readonly hint: string | undefined;

  constructor(kind: LabErrorKind, message: string, options: LabErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LabError";
    this.kind = kind;
    this.hint = options.hint;
  }

  get exitCode(): ExitCodeValue {
    return exitCodeOf(this.kind);
  }
}

// Bad input from the user: unknown lab, unknown flag, missing argument.
export function usageError(message: string, hint?: string): LabError {
  return new LabError("usage", message, { hint });
}

// The machine is not ready: Docker down, port busy, tool missing, download failed.
export function environmentError(message: string, options: LabErrorOptions = {}): LabError {
  return new LabError("environment", message, options);
}

// A lab step or check failed.
export function failedError(message: string, options: LabErrorOptions = {}): LabError {
  return new LabError("failed", message, options);
}

// True for the expected failures the CLI prints without a stack trace.
export function isLabError(error: unknown): error is LabError {
  return error instanceof LabError;
}

// The exit code of a kind of failure (core/exit-codes.ts).
export function exitCodeOf(kind: LabErrorKind): ExitCodeValue {
  if (kind === "usage") return ExitCode.USAGE;
  if (kind === "environment") return ExitCode.ENVIRONMENT;
  return ExitCode.FAILED;
}

// One line of text for any thrown value, for places that must not print a stack.
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
