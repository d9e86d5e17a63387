import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { LABS } from "../../labs/registry.js";
import { pickLab } from "../../engine/runner/lab-picker.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { runLabCommand } from "./run-lab.js";

// `npm run lab` with no argument, in a terminal: choose a lab, filtering as you type.
export async function pickCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const lab = await pickLab(LABS);
  if (!lab) {
    io.out("No lab chosen.");
    return ExitCode.OK;
  }
  return runLabCommand(lab, args, io);
}
