import type { LabResult } from "../runner/lab-result.js";
import { formatFailure } from "../runner/run-failure.js";
import { formatDuration } from "./format-duration.js";

// What the terminal shows after one lab: the verdict, the failure in full, skips, stops and cleanup trouble.
export function formatLabOutcome(result: LabResult): string {
  const verdict = { passed: "passed", failed: "FAILED", incomplete: "INCOMPLETE (checks skipped: not proven, not passed)" }[result.status];
  const lines = [`${result.labId} ${verdict} in ${formatDuration(result.durationMs)}`];
  if (result.failure) lines.push(`step '${result.failure.step}': ${formatFailure(result.failure)}`);
  if (result.stopped) lines.push(result.stopped.message);
  for (const step of result.steps) {
    for (const check of step.checks.filter((c) => c.status === "skipped")) lines.push(`skipped (not passed): ${check.title}: ${check.seen}`);
    if (step.status === "skipped" && step.reason) lines.push(`skipped step: ${step.title} (${step.reason})`);
  }
  for (const action of result.cleanup.filter((a) => a.status === "failed")) lines.push(`cleanup failed: ${action.command}: ${action.error ?? ""}`);
  if (result.diagnosticsDir) lines.push(`diagnostics: ${result.diagnosticsDir}`);
  return lines.join("\n");
}
