// Merges the shards' summary.json files of a sharded nightly into one run summary (pure).

import type { LabResult } from "../runner/lab-result.js";
import { summarize, type RunSummary } from "./summary.js";

/** One shard's summary.json, as read, and where it came from. */
export interface ShardSummaryInput {
  source: string;
  summary: unknown;
}

/** The merged run: totals over every lab, and each shard's labs and wall time. */
export interface MergedSummary extends RunSummary {
  shards: Array<{ source: string; labs: string[]; durationMs: number }>;
}

/** A summary that cannot be merged (not a summary.json, or a lab in two shards). */
export class MergeReportsError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MergeReportsError";
    this.hint = hint;
  }
}

// All shards' labs in `order` (registry order; unknown ids last, by source), totals recomputed.
export function mergeSummaries(inputs: readonly ShardSummaryInput[], order: readonly string[] = []): MergedSummary {
  const seen = new Map<string, string>();
  const shards: MergedSummary["shards"] = [];
  const labs: LabResult[] = [];
  for (const { source, summary } of inputs) {
    const shardLabs = labsOf(summary, source);
    for (const lab of shardLabs) {
      const earlier = seen.get(lab.labId);
      if (earlier !== undefined) throw new MergeReportsError(`lab ${lab.labId} is in two shards: ${earlier} and ${source}`, "Each lab must run in exactly one shard; check the --shard K/N values of the matrix.");
      seen.set(lab.labId, source);
    }
    labs.push(...shardLabs);
    shards.push({ source, labs: shardLabs.map((lab) => lab.labId), durationMs: shardLabs.reduce((ms, lab) => ms + lab.durationMs, 0) });
  }
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const sorted = labs.map((lab, position) => ({ lab, position })).sort((a, b) => rank(a.lab.labId) - rank(b.lab.labId) || a.position - b.position).map(({ lab }) => lab);
  return { ...summarize(sorted), shards };
}

// The labs[] of a summary.json, checked for the fields the reports read.
function labsOf(summary: unknown, source: string): LabResult[] {
  const labs = (summary as { labs?: unknown } | null)?.labs;
  const valid = Array.isArray(labs) && labs.every((lab) => typeof lab?.labId === "string" && typeof lab?.status === "string" && typeof lab?.durationMs === "number" && Array.isArray(lab?.steps));
  if (!valid) throw new MergeReportsError(`${source}: not a lab summary.json (no labs[] with labId, status, durationMs, steps)`, "Pass the folders that `lab all --report <dir>` wrote.");
  return labs as LabResult[];
}
