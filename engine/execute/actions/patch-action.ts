// `kubectl patch <kind> <name> --type merge -p '<json>'`.
// Done as get + RFC 7386 merge + server-side apply of the whole object: exactly merge-patch semantics
// (null deletes, lists replace) through the one write path the Kube edge has.

import { failedError } from "../../../core/errors.js";
import { describeRef, type KubeObject } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { Action } from "../../lab-types.js";
import { mergePatch } from "./merge-patch.js";

/** The `patch` action of the lab data model. */
export type PatchAction = Extract<Action, { kind: "patch" }>;

/** Server-managed metadata that must not be sent back in an apply. */
const SERVER_METADATA = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];

// The object as an apply body: merged, without status and server-managed metadata.
export function patchedObject(current: KubeObject, patch: Record<string, unknown>): KubeObject {
  const merged = mergePatch(current, patch) as KubeObject;
  const metadata = { ...merged.metadata };
  for (const key of SERVER_METADATA) delete metadata[key];
  const { status: _status, ...rest } = merged;
  return { ...rest, apiVersion: current.apiVersion, kind: current.kind, metadata } as KubeObject;
}

// Reads the target, merges the patch and applies the result.
export async function runPatchAction(action: PatchAction, ctx: LabContext): Promise<void> {
  const current = await ctx.kube.get(action.target);
  if (current === undefined) {
    throw failedError(`Cannot patch ${describeRef(action.target)}: it does not exist.`, {
      hint: "An earlier step should have created it; run the lab from the start.",
    });
  }
  await ctx.kube.apply([patchedObject(current, action.patch)]);
}
