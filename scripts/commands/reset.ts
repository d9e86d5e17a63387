import { planReset } from "../../cluster/platform/plan-reset.js";
import { formatPlan, runPlatformPlan } from "../../cluster/platform/run-platform-plan.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { platformProgressPrinter } from "../cli/platform-progress.js";
import { openSession } from "./session.js";
import { useMirrors } from "./use-mirrors.js";

// `lab reset [--hard]`: back to the baseline, proven by comparing snapshots.
export async function resetCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) {
    const { context } = chooseContext({ requested: args.context, yes: args.yes, destructive: true, verb: "reset" });
    io.out(formatPlan(planReset({ hard: args.hard, context, mirror: useMirrors(args, io) })));
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "reset", destructive: true });
  try {
    io.out(`Resetting ${session.context} to the baseline${args.hard ? " (recreating the cluster)" : ""}:`);
    await runPlatformPlan(planReset({ hard: args.hard, context: session.context, mirror: useMirrors(args, io) }), session.platform, platformProgressPrinter(io));
    return ExitCode.OK;
  } finally {
    session.close();
  }
}
