import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { LABS } from "../../labs/registry.js";
import { formatSummary } from "../../engine/report/summary.js";
import { runAll, selectLabs } from "../../engine/runner/run-all.js";
import { formatShard, parseShard, splitIntoShards } from "../../engine/runner/shard-labs.js";
import { labMinutes } from "../../engine/runner/lab-minutes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, resetToBaseline, writeReports } from "./lab-runtime.js";
import { openSession } from "./session.js";
import { printLabPlan } from "./run-lab.js";

// `lab all`: every lab in registry order, reset before each cluster lab (Docker-only labs leave the cluster
// alone), on past failures, a total at the end.
export async function allCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const labs = labsToRun(args, io);
  if (args.dryRun) {
    for (const lab of labs) {
      printLabPlan(lab, args, io);
      io.out("");
    }
    return ExitCode.OK;
  }
  if (labs.length === 0) {
    io.out("No labs in this shard (more shards than labs).");
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "all", destructive: false, usesCluster: labs.some(needsCluster) });
  try {
    await prepareCluster(session, io, labs);
    const results = await runAll(LABS, labDeps(session), {
      ...labRunOptions(args, io),
      only: labs.map((lab) => lab.id),
      reset: async (lab) => {
        if (needsCluster(lab)) await resetToBaseline(session, io);
      },
      onLabDone: (result) => io.out(formatLabOutcome(result)),
    });
    io.out("\n" + formatSummary(results));
    await writeReports(results, args.report, io);
    return results.some((r) => r.status === "failed") ? ExitCode.FAILED : ExitCode.OK;
  } finally {
    session.close();
  }
}

// The selected labs, or with --shard K/N only the K-th shard's; --dry-run first prints every shard's labs and time.
function labsToRun(args: CliArgs, io: CliIo): LabDefinition[] {
  const selected = selectLabs(LABS, args.only, args.skip);
  if (args.shard === undefined) {
    if (args.dryRun) io.out(`${selected.length} labs on one runner, ~${selected.reduce((sum, lab) => sum + labMinutes(lab, args.fast), 0)} min of labs (plus up and a reset before each)\n`);
    return selected;
  }
  const spec = parseShard(args.shard);
  const shards = splitIntoShards(selected, spec.count, args.fast);
  if (args.dryRun) {
    for (const shard of shards) io.out(formatShard(shard, spec.count));
    io.out(`This run: shard ${spec.index}/${spec.count}\n`);
  }
  return shards[spec.index - 1]?.labs ?? [];
}
