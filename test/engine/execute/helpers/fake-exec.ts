// The process edge, faked: records every command line and answers from canned responses.

import type { Exec, ExecOptions, ExecResult } from "../../../../core/exec.js";
import { ExecError } from "../../../../core/exec.js";
import { formatCommand } from "../../../../core/shell-quote.js";

// A canned result (exit 0 and empty output unless given), or an Error to throw.
export type CannedAnswer = Partial<Omit<ExecResult, "command">> | Error;

// The fake edge and what was run through it.
export interface FakeExec {
  exec: Exec;
  /** Every command line, as a person would type it. */
  commands: string[];
}

// `answer` gets the file and arguments and returns stdout/exit code (or an Error to throw, like a missing binary).
export function createFakeExec(answer: (file: string, args: readonly string[]) => CannedAnswer): FakeExec {
  const commands: string[] = [];
  const exec: Exec = async (file: string, args: readonly string[], options: ExecOptions = {}) => {
    const command = formatCommand(file, args);
    commands.push(command);
    const canned = answer(file, args);
    if (canned instanceof Error) throw canned;
    const result: ExecResult = { command, exitCode: canned.exitCode ?? 0, stdout: canned.stdout ?? "", stderr: canned.stderr ?? "" };
    if (result.exitCode !== 0 && options.allowFailure !== true) throw new ExecError(result);
    return result;
  };
  return { exec, commands };
}
