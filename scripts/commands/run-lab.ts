import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { createCertStore } from "../../engine/certs/cert-store.js";
import { defaultCertDir } from "../../engine/certs/cert-paths.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { formatLabPlan } from "../../engine/plan/format-lab-plan.js";
import { createNodeProbe } from "../../engine/probes/node-probe.js";
import { formatLabOutcome } from "../../engine/report/format-lab.js";
import { exitCodeOfResults } from "../../engine/runner/lab-exit-code.js";
import { runLab } from "../../engine/runner/run-lab.js";
import { createStepPrompter } from "../../engine/runner/step-prompter.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { labDeps, labRunOptions, needsCluster, prepareCluster, writeReports } from "./lab-runtime.js";
import { openSession } from "./session.js";

// `lab <id> --dry-run`: the plan with the commands a person would type; nothing is touched.
export function printLabPlan(lab: LabDefinition, args: CliArgs, io: CliIo): ExitCodeValue {
  const certs = createCertStore(defaultCertDir());
  const probe = createNodeProbe({ certs });
  io.out(formatLabPlan(lab, { fast: args.fast }, { probe }));
  probe.close();
  return ExitCode.OK;
}

// `lab <id>`: prepare the cluster (unless the lab is Docker-only), run the lab's steps, report; exit 1 when it
// failed, 4 when it is incomplete (checks skipped).
export async function runLabCommand(lab: LabDefinition, args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) return printLabPlan(lab, args, io);
  const session = await openSession(args, io, { name: lab.id, destructive: false, usesCluster: needsCluster(lab) });
  try {
    await prepareCluster(session, io, [lab]);
    const options = { ...labRunOptions(args, io), ...(args.step ? { stepMode: createStepPrompter() } : {}) };
    const result = await runLab(lab, labDeps(session), options);
    io.out(formatLabOutcome(result));
    await writeReports([result], args.report, io);
    return exitCodeOfResults([result]);
  } finally {
    session.close();
  }
}
