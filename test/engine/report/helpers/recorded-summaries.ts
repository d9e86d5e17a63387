import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunSummary } from "../../../../engine/report/summary.js";

// Summaries shaped exactly as the runner writes them, built from the real lab definitions (their checks'
// expected text, commands and weighted plans) with scripted outcomes; see test/engine/report/fixtures/README.md.
export const RECORDED = ["summary-pass.json", "summary-weighted-fail.json", "summary-canary-fail.json", "summary-no-docker.json"] as const;
export type RecordedName = (typeof RECORDED)[number];

export const FIXTURES_DIR = join(import.meta.dirname, "..", "fixtures");

export function readRecorded(name: RecordedName): RunSummary {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), "utf8")) as RunSummary;
}
