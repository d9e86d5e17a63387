import { down, planDown } from "../../platform/down.js";
import { planDisplay } from "../../platform/plan-up.js";
import { formatPlan } from "../../platform/run-platform-plan.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { openSession } from "./session.js";
import { removeMirrorsStep } from "../../platform/registry-mirror-step.js";

const KIND_ACTION = "delete a kind cluster";

// `lab down`: delete the kind cluster behind the context (only that one); tools and the certificate cache stay.
export async function downCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) {
    const cluster = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: "down", kindAction: KIND_ACTION });
    io.out(formatPlan(planDown(planDisplay({ cluster }), { all: args.all })));
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "down", destructive: true, kindAction: KIND_ACTION });
  try {
    const result = await down(session.platform);
    io.out(result.deleted ? `✔ Deleted the kind cluster '${result.name}' (context ${session.context}).` : `No kind cluster '${result.name}' to delete.`);
    if (args.all) {
      await removeMirrorsStep().run(session.platform);
      io.out("✔ Removed the image cache (registry mirrors and their volumes).");
    } else io.out("The image cache (registry mirrors) stays for the next `up`; `down --all` removes it.");
    return ExitCode.OK;
  } catch (error) {
    throw session.stopped() ?? error;
  } finally {
    session.close();
  }
}
