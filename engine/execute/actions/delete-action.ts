// `kubectl delete -f <file>` or of one object, `--ignore-not-found`, waiting until each object is gone.

import { usageError } from "../../../core/errors.js";
import { refOf, type ObjectRef } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { loadManifest } from "./load-manifest.js";
import { waitUntilGone } from "./wait-until-gone.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { ActionKind } from "../action-kind.js";

/** The `delete` action of the lab data model. */
export type DeleteAction = Extract<Action, { kind: "delete" }>;

// Deletes the file's objects (in reverse order) or the target; objects already gone are fine.
export async function runDeleteAction(action: DeleteAction, ctx: LabContext): Promise<void> {
  const refs = await refsToDelete(action, ctx);
  const deleted: ObjectRef[] = [];
  for (const ref of refs) {
    if (await ctx.kube.delete(ref)) deleted.push(ref);
    else ctx.log(`delete ${ref.kind}/${ref.name}: already gone`);
  }
  for (const ref of deleted) await waitUntilGone(ctx, ref);
}

async function refsToDelete(action: DeleteAction, ctx: LabContext): Promise<ObjectRef[]> {
  if (action.target !== undefined) return [action.target];
  if (action.file !== undefined) return (await loadManifest(ctx.projectRoot, action.file)).map(refOf).reverse();
  throw usageError("A delete action needs a file or a target.");
}

// `<kind> <name> -n <ns>` as kubectl takes an object.
export function objectArgs(ref: ObjectRef): string[] {
  return [ref.kind.toLowerCase(), ref.name, ...(ref.namespace === undefined ? [] : ["-n", ref.namespace])];
}

/** The delete action kind. */
export const deleteActionKind: ActionKind<DeleteAction> = {
  run: (action, ctx) => runDeleteAction(action, ctx),
  describe: (action, { kubectl }) => {
    if (action.target !== undefined) return formatCommand(kubectl, ["delete", ...objectArgs(action.target), "--ignore-not-found"]);
    return formatCommand(kubectl, ["delete", "-f", action.file ?? "<file>", "--ignore-not-found"]);
  },
};
