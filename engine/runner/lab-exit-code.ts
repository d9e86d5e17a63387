import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { LabResult } from "./lab-result.js";

// The exit code of a run: 1 when a lab failed, else 4 when a lab is incomplete (skipped checks prove nothing), else 0.
export function exitCodeOfResults(results: readonly LabResult[]): ExitCodeValue {
  if (results.some((result) => result.status === "failed")) return ExitCode.FAILED;
  if (results.some((result) => result.status === "incomplete")) return ExitCode.INCOMPLETE;
  return ExitCode.OK;
}
