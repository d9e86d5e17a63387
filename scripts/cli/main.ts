import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { usageError } from "../../core/errors.js";
import { helpText } from "./help-text.js";
import type { CliIo } from "./io.js";
import { isVerb, parseCliArgs, type CliArgs } from "./parse-args.js";
import type { CommandTarget } from "../../core/command-target.js";

// Only the named lab's definition loads (and none for --help).
async function resolveLab(id: string) {
  return (await import("../../labs/load-lab.js")).loadLab(id);
}

// Weighted plans' sample sizes are remembered in the cache folder for the commands that plan or run labs.
async function rememberPlanSizes(): Promise<void> {
  const [{ fileStore, usePlanSizeStore }, { cacheDir }] = await Promise.all([import("../../engine/execute/checks/plan-size-store.js"), import("../../core/paths.js")]);
  usePlanSizeStore(fileStore(cacheDir()));
}

// Dispatches one verb; heavy command modules load only when their verb runs.
async function dispatch(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const target = args.target;
  if (args.help) {
    // A lab id must exist: `lab nosuch --help` is the same usage error as `lab nosuch`.
    if (target !== undefined && !isVerb(target)) await resolveLab(target);
    io.out(helpText(target));
    return ExitCode.OK;
  }
  (await import("./preflight.js")).checkRunPreconditions(args, io);
  if (target === undefined) {
    if (!io.isTTY || io.env["CI"]) throw usageError("No lab or verb given.", "Run `npm run lab list` to see the labs, or `npm run lab -- --help`.");
    return (await import("../commands/pick.js")).pickCommand(args, io);
  }
  if (!isVerb(target)) {
    const lab = await resolveLab(target);
    await rememberPlanSizes();
    if (args.dryRun) return (await import("../commands/print-lab-plan.js")).printLabPlan(lab, args, io);
    return (await import("../commands/run-lab.js")).runLabCommand(lab, args, io);
  }
  switch (target) {
    case "list":
      io.out(args.json ? (await import("../commands/list-json.js")).formatLabListJson() : (await import("../commands/list.js")).formatLabList());
      return ExitCode.OK;
    case "doctor":
      return (await import("../commands/doctor.js")).doctorCommand(io);
    case "up":
      return (await import("../commands/up.js")).upCommand(args, io);
    case "down":
      return (await import("../commands/down.js")).downCommand(args, io);
    case "reset":
      return (await import("../commands/reset.js")).resetCommand(args, io);
    case "status":
      return (await import("../commands/status.js")).statusCommand(args, io);
    case "all":
      await rememberPlanSizes();
      return (await import("../commands/all.js")).allCommand(args, io);
    case "report":
      return (await import("../commands/report.js")).reportCommand(args, io);
  }
}

// The whole CLI: parse, run, and turn any failure into a message and an exit code.
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  let verbose = argv.includes("--verbose") || argv.includes("-v");
  let target: CommandTarget | undefined;
  try {
    const args = parseCliArgs(argv);
    verbose = args.verbose;
    // Only for the commands quoted in an error message (none for --help); the verbs resolve and guard the cluster themselves.
    if (!args.help) target = (await import("../../cluster/cluster-identity.js")).resolveClusterIdentity(args.context);
    return await dispatch(args, io);
  } catch (error) {
    return (await import("./report-error.js")).reportError(error, io, verbose, target);
  }
}
