import type { ExitCodeValue } from "../../core/exit-codes.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { exitCodeOfResults } from "../../engine/runner/lab-exit-code.js";
import { runLab } from "../../engine/runner/run-lab.js";
import { createStepPrompter } from "../../engine/runner/step-prompter.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, writeReports } from "./lab-runtime.js";
import { clusterVerb, openSession } from "./session.js";
import { withEarlyEndReport } from "./early-end-report.js";
import { printLabPlan } from "./print-lab-plan.js";
import { emulationNotice } from "../../apps/app-images.js";
import { labImages } from "../../engine/plan/lab-images.js";

// `lab <id>`: prepare the cluster (unless the lab is Docker-only), run the lab's steps, report; exit 1 when it
// failed, 4 when it is incomplete (checks skipped).
export async function runLabCommand(lab: LabDefinition, args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) return printLabPlan(lab, args, io);
  return withEarlyEndReport([lab], args.report, io, async (report) => {
    const notice = emulationNotice(process.arch, await labImages(lab));
    if (notice !== undefined) io.err(notice);
    const session = await openSession(args, io, clusterVerb(lab.id, needsCluster(lab)));
    try {
      await prepareCluster(session, io, [lab]);
      const options = { ...labRunOptions(args, io), ...(args.step ? { stepMode: createStepPrompter() } : {}) };
      if (needsCluster(lab)) session.markTouched();
      const result = await runLab(lab, labDeps(session), options);
      io.out(formatLabOutcome(result));
      await writeReports([result], args.report, io);
      report.written = true;
      const stopped = session.stopped();
      if (stopped) throw stopped;
      return exitCodeOfResults([result]);
    } catch (error) {
      throw session.stopped() ?? error;
    } finally {
      session.close();
    }
  });
}
