import { planUp } from "../../platform/plan-up.js";
import { formatPlan, runPlatformPlan } from "../../platform/run-platform-plan.js";
import { resolveToolPlan } from "../../cluster/tools/ensure-tools.js";
import { formatToolPlan } from "../../cluster/tools/tool-plan.js";
import { ADDON_SERVICES, addonUrl } from "../../addons/addon-services.js";
import { chooseContext } from "../../cluster/context-guard.js";
import { createExec } from "../../core/exec.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";
import { openSession } from "./session.js";
import { useMirrors } from "./use-mirrors.js";

const KIND_ACTION = "create or start a kind cluster";

// `lab up --dry-run`: the tools that would be fetched and each platform step's command.
async function printUpPlan(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const cluster = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: "up", kindAction: KIND_ACTION });
  const tools = await resolveToolPlan({ exec: createExec() });
  io.out("Tools:");
  for (const line of formatToolPlan(tools)) io.out(`  ${line}`);
  io.out("\nPlatform (each step is skipped when already in place):");
  io.out(formatPlan(planUp({ recreate: args.recreate, cluster, mirror: useMirrors(args, io) })));
  return ExitCode.OK;
}

// `lab up`: from nothing or any partial state to the baseline; a no-op on a cluster already there.
export async function upCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  if (args.dryRun) return printUpPlan(args, io);
  const session = await openSession(args, io, { name: "up", destructive: true, kindAction: KIND_ACTION });
  try {
    io.out(`Bringing ${session.context} to the lab baseline:`);
    await runPlatformPlan(planUp({ recreate: args.recreate, cluster: session.cluster, mirror: useMirrors(args, io) }), session.platform, session.progress);
    io.out("\nAddons:");
    for (const addon of ADDON_SERVICES) io.out(`  ${addon.addon.padEnd(11)} ${addonUrl(addon, addon.uiPath)}`);
    io.out("\nNext: npm run lab list");
    return ExitCode.OK;
  } catch (error) {
    throw session.stopped() ?? error;
  } finally {
    session.close();
  }
}
