// Runs a command in the first Running+Ready pod of a workload and matches its stdout.

import type { LabContext } from "../../lab-context.js";
import type { ExecCheck } from "../../lab-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { clip, type Evaluation } from "../poll.js";
import { pickReadyPod } from "../../../core/workloads/workload-pods.js";

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
