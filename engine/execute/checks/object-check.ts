// A check on one Kubernetes object: present, absent, or a field matching a matcher.

import { describeRef } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import type { ObjectCheck } from "../../lab-types.js";
import { describeMatcher, evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { CheckDescription, PolledCheckKind } from "../check-kind.js";
import { kubectlJsonPath, readField } from "../object-fields.js";

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

// `kubectl get <kind> <name> -n <ns>` with what the check wants of the object.
function describeObjectCheck(check: ObjectCheck, kubectl: string): CheckDescription {
  const { kind, name, namespace } = check.target;
  const args = ["get", kind.toLowerCase(), name, ...(namespace === undefined ? [] : ["-n", namespace])];
  if (check.expect === "absent") return { expected: `${kind}/${name} does not exist`, command: formatCommand(kubectl, [...args, "--ignore-not-found"]) };
  if (check.expect === "present") return { expected: `${kind}/${name} exists`, command: formatCommand(kubectl, args) };
  return {
    expected: `${kind}/${name} ${check.expect.path} ${describeMatcher(check.expect.matcher)}`,
    command: formatCommand(kubectl, [...args, "-o", `jsonpath=${kubectlJsonPath(check.expect.path)}`]),
  };
}

/** The object check kind: one Kubernetes object present, absent, or with a field matching. */
export const objectCheckKind: PolledCheckKind<ObjectCheck> = {
  timing: { timeoutMs: 120_000, intervalMs: 1_000 },
  describe: (check, { kubectl }) => describeObjectCheck(check, kubectl),
  prepare: (check, ctx) => prepareObjectCheck(check, ctx),
  matchers: (check) => (typeof check.expect === "string" ? [] : [{ where: `expect(${check.expect.path})`, matcher: check.expect.matcher }]),
  gate: true,
};
