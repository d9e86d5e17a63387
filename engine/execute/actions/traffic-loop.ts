// A steady background request loop (the book's `while true; do curl ...; sleep 1; done`), counting
// what it sent and what failed, until stopped or the run is aborted.

import type { LabContext } from "../../lab-context.js";
import type { HttpRequestSpec } from "../../lab-types.js";
import type { TrafficHandle } from "../../run-state.js";
import { quietSleep } from "../watch-object.js";

// Starts the loop at once; stop() ends it after the request in flight and resolves the counts.
export function startTrafficLoop(ctx: Pick<LabContext, "probe" | "sleep" | "signal">, request: HttpRequestSpec, intervalMs: number): TrafficHandle {
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort();
  ctx.signal.addEventListener("abort", onOuterAbort, { once: true });
  const counts = { sent: 0, failed: 0 };
  const loop = (async () => {
    while (!stop.signal.aborted) {
      counts.sent += 1;
      try {
        const result = await ctx.probe.http(request, stop.signal);
        if (result.status >= 400) counts.failed += 1;
      } catch {
        counts.failed += 1;
      }
      await quietSleep(ctx, intervalMs, stop.signal);
    }
  })().finally(() => ctx.signal.removeEventListener("abort", onOuterAbort));
  return {
    async stop() {
      stop.abort();
      await loop;
      return { ...counts };
    },
  };
}
