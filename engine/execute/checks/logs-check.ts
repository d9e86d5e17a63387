// Reads what a workload's container logged since the step started (every pod of the Deployment) and
// matches it: e.g. catalog v2 receiving mirrored requests, a sidecar logging BlackHoleCluster. A log that
// cannot be read fails the attempt: "no request line" must never pass on a log nobody could read.

import { describeError, failedError } from "../../../core/errors.js";
import type { LabContext } from "../../lab-context.js";
import type { LogsCheck } from "../../lab-types.js";
import { evaluateMatcher } from "../../checks/matchers.js";
import { filterLinesSince } from "../../checks/log-lines.js";
import type { Evaluation } from "../poll.js";
import { listWorkloadPods } from "../../../core/workloads/workload-pods.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { PolledCheckKind } from "../check-kind.js";
import { describeMatcher } from "../../checks/matchers.js";
import { listed } from "../../checks/placed-matchers.js";

const SEEN_LINES = 8;

/** A pod's log could not be read; the check cannot judge what it did not see. */
export class LogReadError extends Error {
  readonly hint: string;

  constructor(pod: string, container: string, cause: unknown) {
    super(`could not read the ${container} log of pod ${pod}: ${describeError(cause)}`, { cause });
    this.name = "LogReadError";
    this.hint = `kubectl logs ${pod} -c ${container} shows whether the container has started and logs at all.`;
  }
}

// The container's log lines of every pod since `since`, each pod's lines in order; throws LogReadError when a log cannot be read.
export async function readWorkloadLogs(ctx: LabContext, check: LogsCheck, since: Date): Promise<string[]> {
  const pods = await listWorkloadPods(ctx.kube, check.workload);
  if (pods.length === 0) throw failedError(`deployment/${check.workload.deployment} in ${check.workload.namespace} has no pods, so there is no log to read.`);
  const lines: string[] = [];
  for (const pod of pods) {
    let text: string;
    try {
      text = await ctx.kube.logs(check.workload.namespace, pod.metadata.name, check.container, { sinceTime: since });
    } catch (error) {
      ctx.signal.throwIfAborted();
      throw new LogReadError(pod.metadata.name, check.container, error);
    }
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
    const tail = lines.length === 0 ? `(no log lines since ${since.toISOString()})` : `${lines.length} line(s), last:\n${lines.slice(-SEEN_LINES).join("\n")}`;
    const matching = lines.filter((line) => check.expect.every((matcher) => matcher.op === "count" || evaluateMatcher(matcher, line, "log") === undefined)).length;
    const details = { lines: lines.length, matchingLines: matching };
    return { ok: reasons.length === 0, seen: reasons.length === 0 ? tail : `${reasons.join("; ")}\n${tail}`, details };
  };
}

/** The logs check kind: what a workload's container logged since the step started. */
export const logsCheckKind: PolledCheckKind<LogsCheck> = {
  timing: { timeoutMs: 60_000, intervalMs: 2_000 },
  describe: (check, { kubectl, stepStartedAt }) => {
    const since = stepStartedAt === undefined ? "<step start>" : stepStartedAt.toISOString();
    const { namespace, deployment } = check.workload;
    return {
      expected: `the ${check.container} log of ${deployment} since the step started ${check.expect.map(describeMatcher).join(" and ")}`,
      command: formatCommand(kubectl, ["logs", "-n", namespace, `deploy/${deployment}`, "-c", check.container, `--since-time=${since}`]),
    };
  },
  prepare: (check, ctx, { since }) => prepareLogsCheck(check, ctx, since),
  matchers: (check) => listed(check.expect, "expect"),
};
