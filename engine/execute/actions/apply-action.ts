// `kubectl apply -n <ns> -f <file>`: the file's objects, server-side applied.

import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { loadManifest } from "./load-manifest.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";

/** The `apply` action of the lab data model. */
export type ApplyAction = Extract<Action, { kind: "apply" }>;

// Reads the lab file and applies every object in it.
export async function runApplyAction(action: ApplyAction, ctx: LabContext): Promise<void> {
  const objects = await loadManifest(ctx.projectRoot, action.file, action.namespace);
  ctx.log(`apply ${action.file}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(", ")}`);
  await ctx.kube.apply(objects);
}

/** The apply action kind. */
export const applyActionKind: ActionKind<ApplyAction> = {
  run: (action, ctx) => runApplyAction(action, ctx),
  describe: (action, { kubectl }) => formatCommand(kubectl, ["apply", ...(action.namespace === undefined ? [] : ["-n", action.namespace]), "-f", action.file]),
};
