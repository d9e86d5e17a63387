// Waits until an object no longer exists (what `kubectl delete` does by default while finalizers run).

import { failedError } from "../../../core/errors.js";
import { describeRef, type ObjectRef } from "../../../core/kube.js";
import type { LabContext } from "../../lab-context.js";
import { pollUntil } from "../poll.js";

// How long a deleted object may take to disappear (finalizers).
export const GONE_TIMEOUT_MS = 60_000;
const GONE_INTERVAL_MS = 500;

// Polls the API until `ref` is not found; fails with the object named after the deadline.
export async function waitUntilGone(ctx: LabContext, ref: ObjectRef, timeoutMs = GONE_TIMEOUT_MS): Promise<void> {
  const result = await pollUntil(
    async () => {
      const object = await ctx.kube.get(ref);
      return { ok: object === undefined, seen: object === undefined ? "gone" : "still present" };
    },
    { timeoutMs, intervalMs: GONE_INTERVAL_MS, now: ctx.now, sleep: ctx.sleep, signal: ctx.signal },
  );
  if (!result.ok) {
    throw failedError(`${describeRef(ref)} was still present ${Math.round(timeoutMs / 1000)} s after it was deleted (${result.seen}).`, {
      hint: `A finalizer may be stuck; look at \`kubectl get ${describeRef(ref)} -o yaml\`.`,
    });
  }
}
