// The process edge, faked: records every command line and answers from a handler.

import type { Exec, ExecOptions, ExecResult } from "../../core/exec.js";
import { ExecError } from "../../core/exec.js";
import { formatCommand } from "../../core/shell-quote.js";

// A canned result (exit 0 and empty output unless given), or an Error to throw (like a missing binary).
export type CannedAnswer = Partial<Omit<ExecResult, "command">> | Error;

// The file and arguments of a command -> its answer; undefined fails like a missing program (exit 127).
export type ExecHandler = (file: string, args: readonly string[]) => CannedAnswer | undefined;

// The fake edge and what was run through it.
export interface FakeExec {
  exec: Exec;
  /** Every command line, as a person would type it. */
  commands: string[];
}

// Unknown commands (undefined answers) fail, so a test notices an unexpected call.
export function createFakeExec(handler: ExecHandler): FakeExec {
  const commands: string[] = [];
  const exec: Exec = async (file: string, args: readonly string[], options: ExecOptions = {}) => {
    const command = formatCommand(file, args);
    commands.push(command);
    const answer = handler(file, args);
    if (answer instanceof Error) throw answer;
    const result: ExecResult =
      answer === undefined
        ? { command, exitCode: 127, stdout: "", stderr: `unexpected command: ${command}` }
        : { command, exitCode: answer.exitCode ?? 0, stdout: answer.stdout ?? "", stderr: answer.stderr ?? "" };
    if (result.exitCode !== 0 && options.allowFailure !== true) throw new ExecError(result);
    return result;
  };
  return { exec, commands };
}
