import { LabError, environmentError, failedError } from "./errors.js";
import { formatCommand } from "./shell-quote.js";

export interface ExecOptions {
  input?: string;
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Return a non-zero exit as a result instead of throwing. */
  allowFailure?: boolean;
  signal?: AbortSignal;
}

export interface ExecResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The process edge: the only way this project starts another program. */
export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

/** A command that ran and failed: keeps the command line, exit code and output for the report. */
export class ExecError extends LabError {
  readonly result: ExecResult;

  constructor(result: ExecResult, hint?: string) {
    super("failed", `Command failed with exit code ${result.exitCode}: ${result.command}\n${tailLines(result.stderr || result.stdout, 20)}`, { hint });
    this.name = "ExecError";
    this.result = result;
  }
}

/** A command that did not finish within its timeout and was stopped: hung, not missing. */
export class CommandTimeoutError extends LabError {
  readonly command: string;
  readonly timeoutMs: number;

  constructor(command: string, timeoutMs: number, output: string, cause: unknown) {
    super("failed", `'${command}' did not finish within ${Number((timeoutMs / 1000).toFixed(1))} s and was stopped.${output === "" ? "" : `\n${output}`}`, { cause });
    this.name = "CommandTimeoutError";
    this.command = command;
    this.timeoutMs = timeoutMs;
  }
}

export interface CreateExecOptions {
  /** Called with each command line before it runs (the CLI's --verbose). */
  onCommand?: (command: string) => void;
  /** Cancels every command that has no signal of its own (the CLI's Ctrl-C/SIGTERM). */
  signal?: AbortSignal;
}

// No command may run forever: one that names no timeout is stopped after this long.
export const DEFAULT_EXEC_TIMEOUT_MS = 15 * 60_000;

// The real process edge, on execa, loaded only when a command actually runs.
export function createExec(options: CreateExecOptions = {}): Exec {
  return async (file, args, execOptions = {}) => {
    const command = formatCommand(file, args);
    options.onCommand?.(command);
    const { execa } = await import("execa");
    const signal = execOptions.signal ?? options.signal;
    const timeoutMs = execOptions.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    try {
      const child = await execa(file, [...args], {
        input: execOptions.input,
        cwd: execOptions.cwd,
        env: execOptions.env,
        timeout: timeoutMs,
        cancelSignal: signal,
        reject: false,
        stripFinalNewline: false,
      });
      if (child.failed && child.exitCode === undefined) {
        if (child.isCanceled) signal?.throwIfAborted();
        const output = tailLines(String(child.stderr ?? "") || String(child.stdout ?? ""), 20);
        if (child.timedOut) throw new CommandTimeoutError(command, timeoutMs, output, child);
        if (child.signal) throw stoppedFailure(`was killed by ${child.signal}`, command, output, child);
        throw spawnFailure(file, command, child.cause ?? child);
      }
      const result: ExecResult = { command, exitCode: child.exitCode ?? 1, stdout: String(child.stdout ?? ""), stderr: String(child.stderr ?? "") };
      if (result.exitCode !== 0 && !execOptions.allowFailure) throw new ExecError(result);
      return result;
    } catch (error) {
      if (error instanceof LabError || signal?.aborted) throw error;
      throw spawnFailure(file, command, error);
    }
  };
}

// A command that started but did not exit by itself (our timeout, or a signal): not "could not be started".
function stoppedFailure(what: string, command: string, output: string, cause: unknown): LabError {
  return failedError(`'${command}' ${what}.${output === "" ? "" : `\n${output}`}`, { cause });
}

// Turns "could not start" into a sentence with a next step (ENOENT: not installed).
export function spawnFailure(file: string, command: string, cause: unknown): LabError {
  const code = (cause as { code?: string } | undefined)?.code;
  if (code === "ENOENT") {
    return environmentError(`'${file}' could not be started: it is not installed or not on PATH.`, {
      hint: `Install ${file}, or run \`npm run lab doctor\` to see what is missing.`,
      cause,
    });
  }
  return environmentError(`'${command}' could not be started: ${(cause as Error)?.message ?? String(cause)}`, { cause });
}

// The last `count` lines of a command's output: enough to see why it failed, short enough to read.
export function tailLines(text: string, count: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.slice(-count).join("\n");
}
