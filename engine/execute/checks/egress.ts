// Whether the cluster can reach the internet, asked once per run from the kind node itself
// (`docker exec <node> curl ...`); checks that need it are skipped, never passed, when it cannot.

import { describeError } from "../../../core/errors.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { LabContext } from "../../lab-context.js";
import type { RunState } from "../../run-state.js";

// The outside host the labs need (forum's upstream), asked from the kind node.
export const EGRESS_URL = "http://jsonplaceholder.typicode.com/users";

// The kind node container of the lab cluster: context kind-<name> -> <name>-control-plane.
export function nodeContainerOf(context: string): string {
  const cluster = context.startsWith("kind-") ? context.slice("kind-".length) : "myk8s";
  return `${cluster}-control-plane`;
}

// `docker exec myk8s-control-plane curl -s -m 5 -o /dev/null -w '%{http_code}' <url>`.
export function egressProbeArgs(context: string): string[] {
  return ["exec", nodeContainerOf(context), "curl", "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", EGRESS_URL];
}

// The skip reason every check that needs egress reports.
export function noEgressReason(context: string): string {
  return `the cluster cannot reach the internet (no HTTP answer to \`${formatCommand("docker", egressProbeArgs(context))}\`); skipped, not passed`;
}

// Any HTTP status code means the node reached the host; "000", nothing, or a failed docker means no egress.
export async function detectEgress(ctx: LabContext): Promise<boolean> {
  try {
    const result = await ctx.exec("docker", egressProbeArgs(ctx.kube.context), { allowFailure: true, signal: ctx.signal, timeoutMs: 15_000 });
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
