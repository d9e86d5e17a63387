// `docker <args>` for the labs that run containers on their own (ch3: Envoy and httpbin, no cluster).
// Runs in the project root; `{projectRoot}` in an argument becomes its absolute path (bind mounts need one).

import { tailLines } from "../../../core/exec.js";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { quoteArg } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";

/** The `docker` action of the lab data model. */
export type DockerAction = Extract<Action, { kind: "docker" }>;

/** The placeholder for the project root in docker arguments. */
export const PROJECT_ROOT_TOKEN = "{projectRoot}";

/** `docker run` may pull an image first; give it time, but not forever. */
const DOCKER_TIMEOUT_MS = 10 * 60_000;

// The arguments with every `{projectRoot}` replaced by `root`.
export function resolveDockerArgs(args: readonly string[], root: string): string[] {
  return args.map((arg) => arg.replaceAll(PROJECT_ROOT_TOKEN, root));
}

// Runs docker; a non-zero exit throws the ExecError unless the action ignores failures (then it is only logged).
export async function runDockerAction(action: DockerAction, ctx: LabContext): Promise<void> {
  const args = resolveDockerArgs(action.args, ctx.projectRoot);
  const ignore = action.ignoreFailure === true;
  const result = await ctx.exec("docker", args, { cwd: ctx.projectRoot, signal: ctx.signal, timeoutMs: DOCKER_TIMEOUT_MS, allowFailure: ignore });
  if (result.exitCode !== 0) ctx.log(`docker ${args[0] ?? ""} exited with ${result.exitCode} (ignored): ${tailLines(result.stderr || result.stdout, 2)}`);
  else if (result.stdout.trim() !== "") ctx.log(result.stdout.trimEnd());
}

// `docker <args>` as typed in the project root: an argument holding `{projectRoot}` prints double-quoted with
// "$PWD" in its place (the shell expands it); an ignored failure gets `|| true`.
export function dockerLine(args: readonly string[], ignoreFailure = false): string {
  const shown = args.map((arg) => (arg.includes(PROJECT_ROOT_TOKEN) ? `"${arg.replace(/["\\`$]/g, "\\$&").replaceAll(PROJECT_ROOT_TOKEN, "$PWD")}"` : quoteArg(arg)));
  const line = ["docker", ...shown].join(" ");
  return ignoreFailure ? `${line} || true` : line;
}

/** The docker action kind. */
export const dockerActionKind: ActionKind<DockerAction> = {
  run: (action, ctx) => runDockerAction(action, ctx),
  describe: (action) => dockerLine(action.args, action.ignoreFailure === true),
};
