import { describe, expect, it } from "vitest";
import type { LabDefinition } from "../../../engine/lab-types.js";
import { labMinutes } from "../../../engine/runner/lab-minutes.js";
import { formatShard, parseShard, splitIntoShards } from "../../../engine/runner/shard-labs.js";
import { LABS } from "../../../labs/registry.js";

const ids = (labs: readonly LabDefinition[]) => labs.map((lab) => lab.id);

describe("labMinutes", () => {
  it("reads every registered lab's stated duration, and --fast where a lab states one", () => {
    for (const lab of LABS) expect(labMinutes(lab), lab.id).toBeGreaterThan(0);
    const canary = LABS.find((lab) => lab.id === "ch5-canary");
    expect(canary === undefined ? undefined : [labMinutes(canary), labMinutes(canary, true)]).toEqual([9, 4]);
    expect(labMinutes({ id: "x", duration: "~2 min" }, true)).toBe(2);
    expect(() => labMinutes({ id: "x", duration: "a while" })).toThrow(/does not start with "~<minutes> min"/);
  });
});

describe("splitIntoShards over the registry", () => {
  const longest = Math.max(...LABS.map((lab) => labMinutes(lab)));

  it.each([1, 2, 3, 4, 5, 8])("%i shards: a partition, registry order inside each, balanced within one lab's duration", (count) => {
    const shards = splitIntoShards(LABS, count);
    expect(shards.map((shard) => shard.index)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    // Every lab in exactly one shard.
    const all = shards.flatMap((shard) => ids(shard.labs));
    expect([...all].sort()).toEqual([...ids(LABS)].sort());
    expect(new Set(all).size).toBe(LABS.length);
    for (const shard of shards) {
      const positions = shard.labs.map((lab) => LABS.indexOf(lab));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(shard.minutes).toBe(shard.labs.reduce((sum, lab) => sum + labMinutes(lab), 0));
    }
    const loads = shards.map((shard) => shard.minutes);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(longest);
  });

  it("is deterministic and splits the 26 labs into four shards of near-equal minutes", () => {
    const first = splitIntoShards(LABS, 4).map((shard) => ids(shard.labs));
    expect(splitIntoShards([...LABS], 4).map((shard) => ids(shard.labs))).toEqual(first);
    const total = LABS.reduce((sum, lab) => sum + labMinutes(lab), 0);
    for (const shard of splitIntoShards(LABS, 4)) expect(shard.minutes).toBeLessThanOrEqual(Math.ceil(total / 4) + longest);
  });

  it("balances --fast durations when asked", () => {
    const fast = splitIntoShards(LABS, 2, true);
    expect(fast.reduce((sum, shard) => sum + shard.minutes, 0)).toBe(LABS.reduce((sum, lab) => sum + labMinutes(lab, true), 0));
  });

  it("leaves shards empty when there are more shards than labs", () => {
    const two = LABS.slice(0, 2);
    expect(splitIntoShards(two, 3).map((shard) => shard.labs.length)).toEqual([1, 1, 0]);
  });

  it("describes a shard on one line", () => {
    const [shard] = splitIntoShards(LABS.slice(0, 2), 1);
    if (shard === undefined) throw new Error("no shard");
    expect(formatShard(shard, 1)).toBe(`Shard 1/1: 2 labs, ~${shard.minutes} min of labs: ${ids(LABS.slice(0, 2)).join(", ")}`);
  });
});

describe("parseShard", () => {
  it("reads K/N and refuses anything else as a usage error", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard(" 1/1 ")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/4", "5/4", "4", "1/0", "a/b", "1/65", "-1/2"]) expect(() => parseShard(bad), bad).toThrow(/--shard must be K\/N/);
  });
});
