import { down, planDown } from "../../cluster/platform/down.js";
import { formatPlan } from "../../cluster/platform/run-platform-plan.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { KIND_CLUSTER_NAME } from "../../cluster/kind/kind-config.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { openSession } from "./session.js";
import { removeMirrorsStep } from "../../cluster/platform/registry-mirror-step.js";

// `lab down`: delete the kind cluster; tools and the certificate cache stay.
export async function downCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) {
    chooseContext({ requested: args.context, yes: args.yes, destructive: true, verb: "down" });
    io.out(formatPlan(planDown({ all: args.all })));
    return ExitCode.OK;
  }
  const session = await openSession(args, io, { name: "down", destructive: true });
  try {
    const result = await down(session.platform);
    io.out(result.deleted ? `✔ Deleted the kind cluster '${KIND_CLUSTER_NAME}'.` : `No kind cluster '${KIND_CLUSTER_NAME}' to delete.`);
    if (args.all) {
      await removeMirrorsStep().run(session.platform);
      io.out("✔ Removed the image cache (registry mirrors and their volumes).");
    } else io.out("The image cache (registry mirrors) stays for the next `up`; `down --all` removes it.");
    return ExitCode.OK;
  } finally {
    session.close();
  }
}
