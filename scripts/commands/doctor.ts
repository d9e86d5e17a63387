import { createProbeExec } from "../../core/exec-probe.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { formatDoctor, runDoctor } from "../../cluster/doctor/run-doctor.js";
import type { CliIo } from "../cli/io.js";

// `lab doctor`: prints each check; exit 3 when any failed.
export async function doctorCommand(io: CliIo): Promise<ExitCodeValue> {
  // doctor only asks short questions: the light process edge keeps its start-up close to Node's own.
  const results = await runDoctor(createProbeExec());
  io.out(formatDoctor(results));
  return results.some((r) => r.status === "fail") ? ExitCode.ENVIRONMENT : ExitCode.OK;
}
