// `lab all` once the labs are chosen: one session, reset before each cluster lab, reports at the end
// (and a report even when the run ends early).

import type { ExitCodeValue } from "../../core/exit-codes.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { LABS } from "../../labs/registry.js";
import { formatSummary } from "../../engine/report/summary.js";
import { runAll } from "../../engine/runner/run-all.js";
import { exitCodeOfResults } from "../../engine/runner/lab-exit-code.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, resetToBaseline, writeReports } from "./lab-runtime.js";
import { clusterVerb, openSession } from "./session.js";
import { withEarlyEndReport } from "./early-end-report.js";

// Runs `labs` (registry order) continuing past failures; exit 1 when any failed.
export async function runAllLabs(labs: readonly LabDefinition[], args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  return withEarlyEndReport(labs, args.report, io, async (report) => {
    const session = await openSession(args, io, clusterVerb("all", labs.some(needsCluster)));
    try {
      await prepareCluster(session, io, labs);
      if (labs.some(needsCluster)) session.markTouched();
      const results = await runAll(LABS, labDeps(session), {
        ...labRunOptions(args, io),
        only: labs.map((lab) => lab.id),
        reset: async (lab) => {
          if (needsCluster(lab)) await resetToBaseline(session, io);
        },
        onLabDone: (result) => io.out(formatLabOutcome(result)),
      });
      io.out("\n" + formatSummary(results));
      await writeReports(results, args.report, io, args.shard === undefined ? {} : { shard: args.shard });
      report.written = true;
      const stopped = session.stopped();
      if (stopped) throw stopped;
      return exitCodeOfResults(results);
    } catch (error) {
      throw session.stopped() ?? error;
    } finally {
      session.close();
    }
  });
}
