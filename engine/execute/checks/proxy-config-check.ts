// A control-plane check: what Envoy in a sidecar or gateway holds (`istioctl proxy-config ... -o json`).
// Used as the wait before data-plane statistics: config propagation takes seconds.

import { tailLines } from "../../../core/exec.js";
import type { LabContext } from "../../lab-context.js";
import type { ProxyConfigCheck } from "../../lab-types.js";
import { evaluateProxyConfig } from "../../checks/proxy-config.js";
import { summariseClusters, summariseRoutes } from "../../checks/route-summary.js";
import type { Evaluation } from "../poll.js";
import { describeClusterCount, evaluateClusterCount, validateClusterCount } from "../../checks/cluster-count.js";
import { proxyConfigArgs } from "../../checks/proxy-config-command.js";
import { formatCommand } from "../../../core/shell-quote.js";
import type { PolledCheckKind } from "../check-kind.js";
import { describeProxyConfigAssertion } from "../../checks/proxy-config.js";

/** istioctl reaches the pod through the API server; one call should not take longer. */
const ISTIOCTL_TIMEOUT_MS = 30_000;

// An evaluation function for pollUntil: one istioctl call, parsed and asserted.
export function prepareProxyConfigCheck(check: ProxyConfigCheck, ctx: LabContext): () => Promise<Evaluation> {
  const args = [...proxyConfigArgs(check), "--context", ctx.kube.context];
  return async () => {
    const result = await ctx.exec(ctx.tools.istioctl, args, { allowFailure: true, signal: ctx.signal, timeoutMs: ISTIOCTL_TIMEOUT_MS });
    if (result.exitCode !== 0) return { ok: false, seen: `istioctl exited with ${result.exitCode}: ${tailLines(result.stderr || result.stdout, 3)}` };
    let json: unknown;
    try {
      json = JSON.parse(result.stdout);
    } catch (error) {
      return { ok: false, seen: `istioctl printed no JSON (${(error as Error).message}): ${tailLines(result.stdout, 3)}` };
    }
    const reason = check.assert.kind === "cluster-count" ? evaluateClusterCount(check.assert, json) : evaluateProxyConfig(check.assert, json);
    const summary = check.resource === "routes" ? summariseRoutes(json, 8) : summariseClusters(json, 10);
    return { ok: reason === undefined, seen: reason === undefined ? summary : `${reason}\n${summary}` };
  };
}

/** The proxy-config check kind: what Envoy holds, asserted on istioctl's JSON. */
export const proxyConfigCheckKind: PolledCheckKind<ProxyConfigCheck> = {
  timing: { timeoutMs: 90_000, intervalMs: 1_000 },
  describe: (check, { istioctl }) => ({
    expected: check.assert.kind === "cluster-count" ? describeClusterCount(check.assert) : describeProxyConfigAssertion(check.assert),
    command: formatCommand(istioctl, proxyConfigArgs(check)),
  }),
  prepare: (check, ctx) => prepareProxyConfigCheck(check, ctx),
  problems: (check) => (check.assert.kind === "cluster-count" ? validateClusterCount(check.assert) : []),
  gate: true,
};
