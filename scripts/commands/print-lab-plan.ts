// `lab <id> --dry-run` (and `all --dry-run`): the plan alone, loading neither the runner nor the cluster code.

import { chooseContext } from "../../cluster/context-guard.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { defaultCertDir } from "../../engine/certs/cert-paths.js";
import type { LabDefinition } from "../../engine/lab-types.js";
import { formatLabPlan } from "../../engine/plan/format-lab-plan.js";
import { createPlanProbe } from "../../engine/probes/plan-probe.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";

// `lab <id> --dry-run`: the plan with the commands a person would type; nothing is touched.
export function printLabPlan(lab: LabDefinition, args: CliArgs, io: CliIo): ExitCodeValue {
  const target = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: lab.id });
  io.out(formatLabPlan(lab, { fast: args.fast }, { probe: createPlanProbe(defaultCertDir()), target }));
  return ExitCode.OK;
}
