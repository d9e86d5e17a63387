// Starts or stops a named background traffic loop kept in the run's state.

import type { LabContext } from "../../lab-context.js";
import type { Action, HttpRequestSpec } from "../../lab-types.js";
import type { RunState } from "../../run-state.js";
import { startTrafficLoop } from "./traffic-loop.js";
import { equivalentHttp } from "../../probes/probe-equivalent.js";
import type { ActionKind } from "../action-kind.js";

/** The `traffic` action of the lab data model. */
export type TrafficAction = Extract<Action, { kind: "traffic" }>;

// start replaces a loop of the same id; stop of an unknown id does nothing.
export async function runTrafficAction(action: TrafficAction, ctx: LabContext, state: RunState): Promise<void> {
  const running = state.traffic.get(action.id);
  if (running !== undefined) {
    state.traffic.delete(action.id);
    const counts = await running.stop();
    ctx.log(`traffic ${action.id} stopped: ${counts.sent} sent, ${counts.failed} failed`);
  }
  if (action.mode === "start") {
    state.traffic.set(action.id, startTrafficLoop(ctx, action.request, action.intervalMs));
    ctx.log(`traffic ${action.id} started: every ${action.intervalMs} ms`);
  }
}

// The book's background load: `while true; do curl ...; sleep 1; done`.
export function trafficLoopLine(request: HttpRequestSpec, intervalMs: number, certDir: string): string {
  return `while true; do ${equivalentHttp(request, "127.0.0.1", certDir)}; sleep ${Number((intervalMs / 1000).toFixed(3))}; done`;
}

/** The traffic action kind. */
export const trafficActionKind: ActionKind<TrafficAction> = {
  run: (action, ctx, state) => runTrafficAction(action, ctx, state),
  describe: (action, { certDir }) => (action.mode === "start" ? trafficLoopLine(action.request, action.intervalMs, certDir) : `# stop the background loop '${action.id}' (Ctrl-C)`),
};
