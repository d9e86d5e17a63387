// Whether the cluster can reach the internet the way the labs need it, asked once per run from the kind node itself
// (`docker exec <node> curl ...`); checks that need it are skipped, never passed, when it cannot.

import { describeError } from "../../../core/errors.js";
import { formatCommand } from "../../../core/shell-quote.js";
import { EGRESS_TARGETS, judgeEgress, type EgressAnswer, type EgressVerdict } from "../../checks/egress-answer.js";
import type { LabContext } from "../../lab-context.js";
import type { RunState } from "../../run-state.js";

// `docker exec myk8s-control-plane curl -s -m 5 -w '\n%{http_code}' <url>` (the run's kind node): body, then status.
export function egressProbeArgs(nodeContainer: string, url: string): string[] {
  return ["exec", nodeContainer, "curl", "-s", "-m", "5", "-w", "\\n%{http_code}", url];
}

// The skip reason every check that needs egress reports.
export function noEgressReason(nodeContainer: string | undefined, seen?: string): string {
  if (nodeContainer === undefined) return "the context is not a kind cluster, so there is no kind node to ask for internet access; skipped, not passed";
  const command = formatCommand("docker", egressProbeArgs(nodeContainer, EGRESS_TARGETS[0].url));
  return `the cluster cannot reach the internet as the lab needs (${seen ?? "no HTTP answer"}; asked with \`${command}\` and the same for ${EGRESS_TARGETS[1].url}); skipped, not passed`;
}

// Both targets asked from the node; a failed docker or curl is an answer with no status.
export async function detectEgress(ctx: LabContext): Promise<EgressVerdict> {
  const node = ctx.cluster.nodeContainer;
  if (node === undefined) return { reachable: false, seen: "no kind node" };
  const answers = await Promise.all(EGRESS_TARGETS.map(async ({ url }): Promise<EgressAnswer> => {
    try {
      const result = await ctx.exec("docker", egressProbeArgs(node, url), { allowFailure: true, signal: ctx.signal, timeoutMs: 15_000 });
      return { url, stdout: result.stdout };
    } catch (error) {
      ctx.signal.throwIfAborted();
      ctx.log(`egress probe of ${url} failed: ${describeError(error)}`);
      return { url, stdout: "" };
    }
  }));
  const verdict = judgeEgress(answers);
  ctx.log(`egress probe: ${verdict.reachable ? "reachable" : "not reachable"} (${verdict.seen})`);
  return verdict;
}

// state.egress, detected on first need.
export async function ensureEgressKnown(ctx: LabContext, state: RunState): Promise<boolean> {
  if (state.egress === undefined) {
    const verdict = await detectEgress(ctx);
    state.egress = verdict.reachable;
    state.egressSeen = verdict.seen;
  }
  return state.egress;
}
