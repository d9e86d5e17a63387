import { planReset } from "../../platform/plan-reset.js";
import { formatPlan, runPlatformPlan } from "../../platform/run-platform-plan.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { openSession } from "./session.js";
import { useMirrors } from "./use-mirrors.js";

// Only --hard acts on the kind cluster itself (deletes and creates it).
function kindAction(args: CliArgs): { kindAction?: string } {
  return args.hard ? { kindAction: "recreate a kind cluster (reset --hard)" } : {};
}

// `lab reset [--hard]`: back to the baseline, proven by comparing snapshots.
export async function resetCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) {
    const cluster = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: "reset", ...kindAction(args) });
    io.out(formatPlan(planReset({ hard: args.hard, cluster, mirror: useMirrors(args, io) })));
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "reset", destructive: true, ...kindAction(args) });
  try {
    io.out(`Resetting ${session.context} to the baseline${args.hard ? " (recreating the cluster)" : ""}:`);
    await runPlatformPlan(planReset({ hard: args.hard, cluster: session.cluster, mirror: useMirrors(args, io) }), session.platform, session.progress);
    return ExitCode.OK;
  } catch (error) {
    throw session.stopped() ?? error;
  } finally {
    session.close();
  }
}
