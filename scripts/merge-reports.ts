// `npm run merge-reports -- --out <dir> <shard-report-dir>...`: one junit.xml and summary.json from the
// shards of a sharded `lab all` run. Exits 1 when a shard left no summary (its runner died) or a lab failed.

import { readFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LABS } from "../labs/registry.js";
import { mergeSummaries, MergeReportsError, type ShardSummaryInput } from "../engine/report/merge-summaries.js";
import { renderJUnit } from "../engine/report/junit-report.js";
import { formatSummary } from "../engine/report/summary.js";

// Reads each folder's summary.json; a missing or unreadable one is listed, not fatal to the others.
async function readShards(dirs: readonly string[]): Promise<{ inputs: ShardSummaryInput[]; missing: string[] }> {
  const inputs: ShardSummaryInput[] = [];
  const missing: string[] = [];
  for (const dir of dirs) {
    try {
      inputs.push({ source: dir, summary: JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as unknown });
    } catch {
      missing.push(dir);
    }
  }
  return { inputs, missing };
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], options: { out: { type: "string" } }, allowPositionals: true });
  if (values.out === undefined || positionals.length === 0) {
    process.stderr.write("Usage: npm run merge-reports -- --out <dir> <shard-report-dir>...\n");
    return 2;
  }
  const { inputs, missing } = await readShards(positionals);
  const merged = mergeSummaries(inputs, LABS.map((lab) => lab.id));
  await mkdir(values.out, { recursive: true });
  await writeFile(join(values.out, "junit.xml"), renderJUnit(merged.labs));
  await writeFile(join(values.out, "summary.json"), JSON.stringify({ ...merged, missingShards: missing }, null, 2) + "\n");
  process.stdout.write(`${formatSummary(merged.labs)}\nMerged ${inputs.length} shard(s) into ${values.out}\n`);
  for (const dir of missing) process.stdout.write(`✗ ${dir}: no readable summary.json (did its runner finish?)\n`);
  return missing.length > 0 || merged.total.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const hint = error instanceof MergeReportsError ? `\n  ${error.hint}` : "";
    process.stderr.write(`merge-reports: ${error instanceof Error ? error.message : String(error)}${hint}\n`);
    process.exit(1);
  },
);
