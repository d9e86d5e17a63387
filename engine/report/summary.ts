import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { LabResult, LabStatus } from "../runner/lab-result.js";
import { listDiagnosticsFiles } from "./diagnostics-files.js";
import { formatDuration } from "./format-duration.js";
import type { RunMeta } from "./run-meta.js";

/** Schema 2 added `schemaVersion`, `run` and, per lab, `diagnosticsFiles`; a summary without a version is schema 1. */
export const SUMMARY_SCHEMA_VERSION = 2;

/** A lab's result as the summary stores it: its diagnostics files, relative to the report folder. */
export type SummaryLab = LabResult & { diagnosticsFiles?: string[] };

/** The run's totals; labs[] are the full results with step timings. The HTML report reads only this. */
export interface RunSummary {
  schemaVersion?: number;
  run?: RunMeta;
  total: { labs: number; passed: number; failed: number; incomplete: number; durationMs: number };
  labs: SummaryLab[];
}

// Totals over the labs' results.
export function summarize(results: readonly SummaryLab[], run?: RunMeta): RunSummary {
  const count = (status: LabStatus): number => results.filter((r) => r.status === status).length;
  const durationMs = results.reduce((ms, r) => ms + r.durationMs, 0);
  const total = { labs: results.length, passed: count("passed"), failed: count("failed"), incomplete: count("incomplete"), durationMs };
  return { schemaVersion: SUMMARY_SCHEMA_VERSION, ...(run === undefined ? {} : { run }), total, labs: [...results] };
}

// The summary of a run, with each lab's diagnostics files listed relative to the report folder.
export async function buildSummary(results: readonly LabResult[], reportDir: string, run?: RunMeta): Promise<RunSummary> {
  const labs = await Promise.all(
    results.map(async (result) => (result.diagnosticsDir ? { ...result, diagnosticsFiles: await listDiagnosticsFiles(reportDir, result.diagnosticsDir) } : result)),
  );
  return summarize(labs, run);
}

// Writes summary.json (totals and every lab's steps with timings), creating its folder.
export async function writeSummaryJson(results: readonly LabResult[] | RunSummary, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const summary = "labs" in results ? results : summarize(results);
  await writeFile(file, JSON.stringify(summary, null, 2) + "\n");
}

// The total line and, under it, each lab that did not pass with why and where its diagnostics are.
export function formatSummary(results: readonly LabResult[]): string {
  const { total } = summarize(results);
  const lines = [`${total.passed} passed, ${total.failed} failed, ${total.incomplete} incomplete in ${formatDuration(total.durationMs)}`];
  for (const result of results) {
    if (result.status === "passed") continue;
    lines.push(`  ${result.status === "failed" ? "✗" : "-"} ${result.labId}: ${labReason(result)}`);
    if (result.diagnosticsDir) lines.push(`      diagnostics: ${result.diagnosticsDir}`);
  }
  return lines.join("\n");
}

function labReason(result: LabResult): string {
  if (result.failure) return `${result.failure.step}: ${result.failure.message}`;
  if (result.stopped) return result.stopped.message;
  const step = result.steps.find((s) => s.status !== "passed");
  return step ? `${step.title}: ${step.reason ?? step.checks.filter((c) => c.status === "skipped").map((c) => `${c.title} skipped (${c.seen})`).join("; ")}` : "no steps ran";
}
