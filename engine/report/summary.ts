import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { LabResult, LabStatus } from "../runner/lab-result.js";
import { formatDuration } from "./format-duration.js";

/** The run's totals; labs[] are the full results with step timings. */
export interface RunSummary {
  total: { labs: number; passed: number; failed: number; incomplete: number; durationMs: number };
  labs: LabResult[];
}

// Totals over the labs' results.
export function summarize(results: readonly LabResult[]): RunSummary {
  const count = (status: LabStatus): number => results.filter((r) => r.status === status).length;
  const durationMs = results.reduce((ms, r) => ms + r.durationMs, 0);
  return { total: { labs: results.length, passed: count("passed"), failed: count("failed"), incomplete: count("incomplete"), durationMs }, labs: [...results] };
}

// Writes summary.json (totals and every lab's steps with timings), creating its folder.
export async function writeSummaryJson(results: readonly LabResult[], file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(summarize(results), null, 2) + "\n");
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
