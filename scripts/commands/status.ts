import { chooseContext } from "../../cluster/context-guard.js";
import { collectStatus } from "../../cluster/platform/collect-status.js";
import { formatStatus } from "../../cluster/platform/format-status.js";
import { createExec } from "../../core/exec.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import type { Kube } from "../../core/kube.js";
import { cacheDir } from "../../core/paths.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";

// `lab status`: reads the cluster's state (downloads nothing, changes nothing); a missing cluster is a state.
export async function statusCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const { context } = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: "status" });
  const exec = createExec(args.verbose ? { onCommand: (command) => io.err(`  $ ${command}`) } : {});
  let kube: Promise<Kube> | undefined;
  const getKube = (): Promise<Kube> => (kube ??= import("../../core/kube-client.js").then((m) => m.createKube(context)));
  io.out(formatStatus(await collectStatus({ exec, kube: getKube, context, workDir: cacheDir() })));
  return ExitCode.OK;
}
