import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { LABS } from "../../labs/registry.js";
import { selectLabs } from "../../engine/runner/select-labs.js";
import { formatShard, parseShard, splitIntoShards } from "../../engine/runner/shard-labs.js";
import { labMinutes } from "../../engine/runner/lab-minutes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { printLabPlan } from "./print-lab-plan.js";

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
  return (await import("./run-all-labs.js")).runAllLabs(labs, args, io);
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
