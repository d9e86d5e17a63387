// Reads what a workload's container logged since the step started (every pod of the Deployment) and
// matches it: e.g. catalog v2 receiving mirrored requests, a sidecar logging BlackHoleCluster.

import type { LabContext } from "../../lab-context.js";
import type { LogsCheck } from "../../lab-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { filterLinesSince } from "../../checks/log-lines.js";
import type { Evaluation } from "../poll.js";
import { listWorkloadPods } from "../../../core/workloads/workload-pods.js";

const SEEN_LINES = 8;

// The container's log lines of every pod since `since`, each pod's lines in order.
export async function readWorkloadLogs(ctx: LabContext, check: LogsCheck, since: Date): Promise<string[]> {
  const pods = await listWorkloadPods(ctx.kube, check.workload);
  const lines: string[] = [];
  for (const pod of pods) {
    const text = await ctx.kube.logs(check.workload.namespace, pod.metadata.name, check.container, { sinceTime: since }).catch(() => "");
    lines.push(...filterLinesSince(text, since));
  }
  return lines;
}

// An evaluation function for pollUntil: read the logs again and match every matcher.
export function prepareLogsCheck(check: LogsCheck, ctx: LabContext, since: Date): () => Promise<Evaluation> {
  return async () => {
    const lines = await readWorkloadLogs(ctx, check, since);
    const text = lines.join("\n");
    const reasons = check.expect.map((matcher) => evaluateMatcher(matcher, text, "log")).filter((reason) => reason !== undefined);
    const tail = lines.length === 0 ? "(no log lines since the step started)" : `${lines.length} line(s), last:\n${lines.slice(-SEEN_LINES).join("\n")}`;
    const matching = lines.filter((line) => check.expect.every((matcher) => matcher.op === "count" || evaluateMatcher(matcher, line, "log") === undefined)).length;
    const details = { lines: lines.length, matchingLines: matching };
    return { ok: reasons.length === 0, seen: reasons.length === 0 ? tail : `${reasons.join("; ")}\n${tail}`, details };
  };
}
