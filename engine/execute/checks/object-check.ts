// A check on one Kubernetes object: present, absent, or a field matching a matcher.

import { describeRef } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { ObjectCheck } from "../../lab-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { readField } from "../object-fields.js";

// An evaluation function for pollUntil: one read of the object.
export function prepareObjectCheck(check: ObjectCheck, ctx: LabContext): () => Promise<Evaluation> {
  const what = describeRef(check.target);
  return async () => {
    const object = await ctx.kube.get(check.target);
    if (check.expect === "absent") return { ok: object === undefined, seen: object === undefined ? `${what} not found` : `${what} exists` };
    if (object === undefined) return { ok: false, seen: `${what} not found` };
    if (check.expect === "present") return { ok: true, seen: `${what} exists` };
    const field = readField(object, check.expect.path);
    if ("missing" in field) return { ok: false, seen: `${check.expect.path} is not set (${field.missing})` };
    const reason = evaluateMatcher(check.expect.matcher, field.text, check.expect.path);
    const summary = `${check.expect.path} = ${clip(field.text, 300)}`;
    return { ok: reason === undefined, seen: reason === undefined ? summary : `${summary} — ${reason}` };
  };
}
