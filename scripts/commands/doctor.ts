import { createExec } from "../../core/exec.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { formatDoctor, runDoctor } from "../../cluster/doctor/run-doctor.js";
import type { CliIo } from "../cli/io.js";

// `lab doctor`: prints each check; exit 3 when any failed.
export async function doctorCommand(io: CliIo): Promise<ExitCodeValue> {
  const results = await runDoctor(createExec());
  io.out(formatDoctor(results));
  return results.some((r) => r.status === "fail") ? ExitCode.ENVIRONMENT : ExitCode.OK;
}
