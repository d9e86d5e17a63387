import { describeError } from "../../core/errors.js";
import { isInterruption } from "../../core/interrupted-error.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import type { LabResult } from "../../engine/runner/lab-result.js";
import type { CliIo } from "../cli/io.js";
import { writeReports } from "./lab-runtime.js";

/** Whether the run's own report was written (then an early end must not replace it). */
export interface ReportState {
  written: boolean;
}

const SETUP_STEP = "Prepare the run (Docker, tools, cluster up and reset)";

// What a run that ended before (or while) its labs ran says in the report: each lab failed at setup, with why.
export function earlyEndResults(labs: readonly LabDefinition[], error: unknown, durationMs: number): LabResult[] {
  const message = describeError(error);
  const hint = (error as { hint?: unknown }).hint;
  const seen = typeof hint === "string" ? `${message}\n${hint}` : message;
  const interrupted = isInterruption(error);
  return labs.map((lab) => ({
    labId: lab.id,
    status: "failed",
    durationMs,
    steps: [{ title: SETUP_STEP, status: "failed", durationMs, actions: [], checks: [], reason: message }],
    failure: { step: SETUP_STEP, message: `The run ended before the lab's steps: ${message}`, expected: "a ready machine and cluster", seen, command: "npm run lab doctor" },
    ...(interrupted ? { stopped: { step: SETUP_STEP, by: "ctrl-c" as const, message } } : {}),
    cleanup: [],
  }));
}

// Runs a lab verb; when it ends early (no Docker, a failed setup, Ctrl-C) the report still gets written.
export async function withEarlyEndReport<T>(labs: readonly LabDefinition[], reportDir: string | undefined, io: CliIo, body: (state: ReportState) => Promise<T>): Promise<T> {
  const state: ReportState = { written: false };
  const startedAt = Date.now();
  try {
    return await body(state);
  } catch (error) {
    if (reportDir !== undefined && !state.written) {
      await writeReports(earlyEndResults(labs, error, Date.now() - startedAt), reportDir, io).catch((writeError: unknown) => {
        io.err(`  (the report could not be written either: ${describeError(writeError)})`);
      });
    }
    throw error;
  }
}
