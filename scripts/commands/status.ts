import { chooseContext } from "../../cluster/context-guard.js";
import { collectStatus } from "../../platform/collect-status.js";
import { formatStatus } from "../../platform/format-status.js";
import { lazyKube } from "../../platform/lazy-kube.js";
import { formatMirrorStates, readMirrorStates } from "../../cluster/mirror/mirror-state.js";
import { ExitCode, type ExitCodeValue } from "../../core/exit-codes.js";
import { cacheDir } from "../../core/paths.js";
import { createCliExec } from "../cli/cli-exec.js";
import type { CliIo } from "../cli/io.js";
import type { CliArgs } from "../cli/parse-args.js";

// `lab status`: reads the cluster's state (downloads nothing, changes nothing); a missing cluster is a state.
export async function statusCommand(args: CliArgs, io: CliIo): Promise<ExitCodeValue> {
  const cluster = chooseContext({ requested: args.context, yes: args.yes, destructive: false, verb: "status" });
  const exec = createCliExec(args.verbose, io);
  io.out(formatStatus(await collectStatus({ exec, kube: lazyKube(cluster.context), context: cluster.context, cluster, workDir: cacheDir() })));
  io.out(["", "Image cache (registry mirrors, kept by `down`):", ...formatMirrorStates(await readMirrorStates(exec)).map((line) => `  ${line}`)].join("\n"));
  return ExitCode.OK;
}
