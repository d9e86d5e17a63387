import { describe, expect, it } from "vitest";
import { median, timeInterleaved } from "../../scripts/bench/interleave.js";

describe("timeInterleaved", () => {
  it("runs one warm-up round, then baseline and candidates in turn (A B C A B C ...)", async () => {
    const order: string[] = [];
    const timed = (label: string) => ({ label, run: () => void order.push(label) });
    const { results } = await timeInterleaved(timed("A"), [timed("B"), timed("C")], 3);
    expect(order.join("")).toBe("ABC".repeat(4));
    expect(results.map((r) => r.label)).toEqual(["B", "C"]);
  });

  it("propagates a failing run instead of timing it", async () => {
    await expect(timeInterleaved({ label: "A", run: () => undefined }, [{ label: "B", run: () => { throw new Error("exited 1"); } }], 2)).rejects.toThrow("exited 1");
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
