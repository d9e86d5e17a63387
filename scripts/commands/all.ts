import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { LABS } from "../../labs/registry.js";
import { formatSummary } from "../../engine/report/summary.js";
import { exitCodeOfResults } from "../../engine/runner/lab-exit-code.js";
import { runAll, selectLabs } from "../../engine/runner/run-all.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, resetToBaseline, writeReports } from "./lab-runtime.js";
import { openSession } from "./session.js";
import { printLabPlan } from "./run-lab.js";

// `lab all`: every lab in registry order, reset before each cluster lab (Docker-only labs leave the cluster
// alone), on past failures, a total at the end.
export async function allCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const labs = selectLabs(LABS, args.only, args.skip);
  if (args.dryRun) {
    for (const lab of labs) {
      printLabPlan(lab, args, io);
      io.out("");
    }
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "all", destructive: false, usesCluster: labs.some(needsCluster) });
  try {
    await prepareCluster(session, io, labs);
    const results = await runAll(LABS, labDeps(session), {
      ...labRunOptions(args, io),
      only: args.only,
      skip: args.skip,
      reset: async (lab) => {
        if (needsCluster(lab)) await resetToBaseline(session, io);
      },
      onLabDone: (result) => io.out(formatLabOutcome(result)),
    });
    io.out("\n" + formatSummary(results));
    await writeReports(results, args.report, io);
    return exitCodeOfResults(results);
  } finally {
    session.close();
  }
}
