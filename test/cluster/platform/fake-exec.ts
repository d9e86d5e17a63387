// A recording process edge: answers commands from a handler, keeps the command lines it was asked to run.
import type { Exec, ExecResult } from "../../../core/exec.js";
import { ExecError } from "../../../core/exec.js";
import { formatCommand } from "../../../core/shell-quote.js";

export type ExecHandler = (file: string, args: readonly string[]) => Partial<ExecResult> | undefined;

export interface FakeExec {
  exec: Exec;
  commands: string[];
}

// Unknown commands fail like a missing program would, so a test notices an unexpected call.
export function createFakeExec(handler: ExecHandler): FakeExec {
  const commands: string[] = [];
  const exec: Exec = async (file, args, options = {}) => {
    const command = formatCommand(file, args);
    commands.push(command);
    const answer = handler(file, args);
    const result: ExecResult = { command, exitCode: answer ? (answer.exitCode ?? 0) : 127, stdout: answer?.stdout ?? "", stderr: answer?.stderr ?? (answer ? "" : `unexpected command: ${command}`) };
    if (result.exitCode !== 0 && !options.allowFailure) throw new ExecError(result);
    return result;
  };
  return { exec, commands };
}
