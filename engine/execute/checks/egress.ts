// Whether the cluster can reach the internet, asked once per run from the kind node itself
// (`docker exec <node> curl ...`); checks that need it are skipped, never passed, when it cannot.

import { describeError } from "../../../core/errors.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { LabContext } from "../../lab-context.js";
import type { RunState } from "../../run-state.js";

// The outside host the labs need (forum's upstream), asked from the kind node.
export const EGRESS_URL = "http://jsonplaceholder.typicode.com/users";

// `docker exec myk8s-control-plane curl -s -m 5 -o /dev/null -w '%{http_code}' <url>` (the run's kind node).
export function egressProbeArgs(nodeContainer: string): string[] {
  return ["exec", nodeContainer, "curl", "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", EGRESS_URL];
}

// The skip reason every check that needs egress reports.
export function noEgressReason(nodeContainer: string | undefined): string {
  if (nodeContainer === undefined) return "the context is not a kind cluster, so there is no kind node to ask for internet access; skipped, not passed";
  return `the cluster cannot reach the internet (no HTTP answer to \`${formatCommand("docker", egressProbeArgs(nodeContainer))}\`); skipped, not passed`;
}

// Any HTTP status code means the node reached the host; "000", nothing, or a failed docker means no egress.
export async function detectEgress(ctx: LabContext): Promise<boolean> {
  const node = ctx.cluster.nodeContainer;
  if (node === undefined) return false;
  try {
    const result = await ctx.exec("docker", egressProbeArgs(node), { allowFailure: true, signal: ctx.signal, timeoutMs: 15_000 });
    const code = result.stdout.trim();
    const reached = /^[1-5]\d\d$/.test(code);
    ctx.log(`egress probe: ${result.command} -> ${code || "(no answer)"} (exit ${result.exitCode})`);
    return reached;
  } catch (error) {
    ctx.signal.throwIfAborted();
    ctx.log(`egress probe failed: ${describeError(error)}`);
    return false;
  }
}

// state.egress, detected on first need.
export async function ensureEgressKnown(ctx: LabContext, state: RunState): Promise<boolean> {
  if (state.egress === undefined) state.egress = await detectEgress(ctx);
  return state.egress;
}
