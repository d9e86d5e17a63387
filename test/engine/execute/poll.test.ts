import { describe, expect, it } from "vitest";
import { pollUntil } from "../../../engine/execute/poll.js";

// A fake clock: sleep advances time instead of waiting (poll logic is pure apart from the clock).
function clock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
    slept,
    signal: new AbortController().signal,
  };
}

describe("pollUntil", () => {
  it("stops at the first passing evaluation", async () => {
    const c = clock();
    const result = await pollUntil(async ({ attempt }) => ({ ok: attempt === 3, seen: `attempt ${attempt}` }), { ...c, timeoutMs: 10_000, intervalMs: 1_000 });
    expect(result).toMatchObject({ ok: true, seen: "attempt 3", attempts: 3, durationMs: 2_000 });
  });

  it("stops at a final verdict: a judged sample is never re-sampled (polling is for not yet ready only)", async () => {
    const c = clock();
    const result = await pollUntil(async ({ attempt }) => (attempt < 3 ? { ok: false, seen: "not ready yet" } : { ok: attempt > 3, seen: `sample at ${attempt}`, final: true }), { ...c, timeoutMs: 60_000, intervalMs: 1_000 });
    expect(result).toMatchObject({ ok: false, seen: "sample at 3", attempts: 3 });
  });

  it("keeps the last seen and attempts until the deadline, the last sleep cut to the deadline", async () => {
    const c = clock();
    const result = await pollUntil(async ({ attempt }) => ({ ok: false, seen: `attempt ${attempt}` }), { ...c, timeoutMs: 2_500, intervalMs: 1_000 });
    expect(result).toMatchObject({ ok: false, seen: "attempt 4", attempts: 4, durationMs: 2_500 });
    expect(c.slept).toEqual([1_000, 1_000, 500]);
  });

  it("turns a thrown error into a failed attempt and keeps polling", async () => {
    const c = clock();
    const result = await pollUntil(
      async ({ attempt }) => {
        if (attempt === 1) throw new Error("pod not ready");
        return { ok: true, seen: "ok" };
      },
      { ...c, timeoutMs: 5_000, intervalMs: 100 },
    );
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    const failing = await pollUntil(async () => Promise.reject(new Error("pod not ready")), { ...c, timeoutMs: 0, intervalMs: 100 });
    expect(failing).toMatchObject({ ok: false, seen: "pod not ready", attempts: 1 });
  });

  it("makes exactly one attempt when singleAttempt is set", async () => {
    const c = clock();
    const result = await pollUntil(async () => ({ ok: false, seen: "no" }), { ...c, timeoutMs: 60_000, intervalMs: 1_000, singleAttempt: true });
    expect(result.attempts).toBe(1);
    expect(c.slept).toEqual([]);
  });

  it("throws when aborted", async () => {
    const controller = new AbortController();
    const c = clock();
    const run = pollUntil(
      async () => {
        controller.abort(new Error("Ctrl-C"));
        return { ok: false, seen: "no" };
      },
      { ...c, signal: controller.signal, timeoutMs: 60_000, intervalMs: 1_000 },
    );
    await expect(run).rejects.toThrow("Ctrl-C");
  });
});
