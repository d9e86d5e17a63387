// Any `istioctl` command, always against the lab cluster's context, run in the project root so that
// `-f labs/<lab>/<file>.yaml` names the lab's own file.

import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";
import { refuseInstallOnTwin } from "./twin-install-guard.js";

/** The `istioctl` action of the lab data model. */
export type IstioctlAction = Extract<Action, { kind: "istioctl" }>;

// Runs istioctl with `--context <lab context>`; a non-zero exit throws the ExecError with its output.
export async function runIstioctlAction(action: IstioctlAction, ctx: LabContext): Promise<void> {
  if (action.args[0] === "install") refuseInstallOnTwin(ctx, "run `istioctl install`");
  const result = await ctx.exec(ctx.tools.istioctl, [...action.args, "--context", ctx.kube.context], { cwd: ctx.projectRoot, signal: ctx.signal });
  if (result.stdout.trim() !== "") ctx.log(result.stdout.trimEnd());
}

/** The istioctl action kind. */
export const istioctlActionKind: ActionKind<IstioctlAction> = {
  run: (action, ctx) => runIstioctlAction(action, ctx),
  describe: (action, { istioctl }) => formatCommand(istioctl, action.args),
};
