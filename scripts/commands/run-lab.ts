import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { createCertStore } from "../../engine/certs/cert-store.js";
import { defaultCertDir } from "../../engine/certs/cert-paths.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { formatLabPlan } from "../../engine/plan/format-lab-plan.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { runLab } from "../../engine/runner/run-lab.js";
import { createStepPrompter } from "../../engine/runner/step-prompter.js";
import { chooseContext } from "../../cluster/context-guard.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, writeReports } from "./lab-runtime.js";
import { clusterVerb, openSession } from "./session.js";
import { withEarlyEndReport } from "./early-end-report.js";

// `lab <id> --dry-run`: the plan with the commands a person would type; nothing is touched.
export function printLabPlan(lab: LabDefinition, args: CliArgs, io: CliIo): ExitCodeValue {
  const certs = createCertStore(defaultCertDir());
  const probe = createNodeProbe({ certs });
  const target = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: lab.id });
  io.out(formatLabPlan(lab, { fast: args.fast }, { probe, target }));
  probe.close();
  return ExitCode.OK;
}

// `lab <id>`: prepare the cluster (unless the lab is Docker-only), run the lab's steps, report; exit 1 when it did not pass.
export async function runLabCommand(lab: LabDefinition, args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) return printLabPlan(lab, args, io);
  return withEarlyEndReport([lab], args.report, io, async (report) => {
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
      return result.status === "failed" ? ExitCode.FAILED : ExitCode.OK;
    } catch (error) {
      throw session.stopped() ?? error;
    } finally {
      session.close();
    }
  });
}
