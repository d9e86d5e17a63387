// Runs a command in the first Running+Ready pod of a workload and matches its stdout.

import type { LabContext } from "../../lab-context.js";
import type { ExecCheck } from "../../lab-types.js";
import { describeMatcher, evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { pickReadyPod } from "../../../core/workloads/workload-pods.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { PolledCheckKind } from "../check-kind.js";
import { listed } from "../../checks/placed-matchers.js";

// An evaluation function for pollUntil: one exec, every matcher on stdout.
export function prepareExecCheck(check: ExecCheck, ctx: LabContext): () => Promise<Evaluation> {
  return async () => {
    const pod = await pickReadyPod(ctx.kube, check.workload);
    const result = await ctx.kube.exec(check.workload.namespace, pod, check.container, check.command);
    const reasons = check.expect.map((matcher) => evaluateMatcher(matcher, result.stdout, "stdout")).filter((reason) => reason !== undefined);
    const exit = result.exitCode === 0 ? "" : ` (exit ${result.exitCode}${result.stderr.trim() === "" ? "" : `: ${clip(result.stderr, 200)}`})`;
    const summary = `stdout: ${clip(result.stdout, 300) || "(empty)"}${exit}`;
    return { ok: reasons.length === 0, seen: reasons.length === 0 ? summary : `${summary} — ${reasons.join("; ")}` };
  };
}

/** The exec check kind: a command's stdout in a ready pod of a workload. */
export const execCheckKind: PolledCheckKind<ExecCheck> = {
  timing: { timeoutMs: 60_000, intervalMs: 2_000 },
  describe: (check, { kubectl }) => {
    const { namespace, deployment } = check.workload;
    return {
      expected: `stdout ${check.expect.map(describeMatcher).join(" and ")}`,
      command: formatCommand(kubectl, ["exec", "-n", namespace, `deploy/${deployment}`, "-c", check.container, "--", ...check.command]),
    };
  },
  prepare: (check, ctx) => prepareExecCheck(check, ctx),
  matchers: (check) => listed(check.expect, "expect"),
  gate: true,
};
