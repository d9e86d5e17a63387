import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";
import { mergeSummaries, MergeReportsError } from "../../../engine/report/merge-summaries.js";
import { summarize } from "../../../engine/report/summary.js";
import type { LabResult, LabStatus } from "../../../engine/runner/lab-result.js";

function result(labId: string, status: LabStatus, durationMs: number): LabResult {
  return { labId, status, durationMs, steps: [{ title: "only step", status: status === "incomplete" ? "skipped" : status, durationMs, actions: [], checks: [] }], cleanup: [] };
}

// Two shards' summary.json as `lab all --report` writes them (summarize() is the writer's own shape).
const shardOne = summarize([result("ch5-mirror", "failed", 163_000), result("ch2-first-mesh", "passed", 61_000)]);
const shardTwo = summarize([result("ch4-tls", "passed", 120_000), result("ch3-envoy", "incomplete", 30_000)]);
const ORDER = ["ch2-first-mesh", "ch3-envoy", "ch4-tls", "ch5-mirror"];

describe("mergeSummaries", () => {
  it("puts every shard's labs in registry order and recomputes the totals", () => {
    const merged = mergeSummaries([{ source: "s1", summary: shardOne }, { source: "s2", summary: shardTwo }], ORDER);
    expect(merged.labs.map((lab) => lab.labId)).toEqual(ORDER);
    expect(merged.total).toEqual({ labs: 4, passed: 2, failed: 1, incomplete: 1, durationMs: 374_000 });
    expect(merged.shards).toEqual([
      { source: "s1", labs: ["ch5-mirror", "ch2-first-mesh"], durationMs: 224_000 },
      { source: "s2", labs: ["ch4-tls", "ch3-envoy"], durationMs: 150_000 },
    ]);
  });

  it("refuses a lab that ran in two shards, and a file that is not a summary", () => {
    expect(() => mergeSummaries([{ source: "s1", summary: shardOne }, { source: "s1-again", summary: shardOne }])).toThrow(/lab ch5-mirror is in two shards: s1 and s1-again/);
    expect(() => mergeSummaries([{ source: "junk", summary: { labs: [{ id: 1 }] } }])).toThrow(MergeReportsError);
    expect(() => mergeSummaries([{ source: "null", summary: null }])).toThrow(/null: not a lab summary.json/);
  });
});

describe("npm run merge-reports on sample shard folders", () => {
  const script = join(projectRoot(), "dist", "scripts", "merge-reports.js");

  function sampleShards(): { root: string; dirs: string[] } {
    const root = mkdtempSync(join(tmpdir(), "merge-reports-"));
    const dirs = [shardOne, shardTwo].map((summary, index) => {
      const dir = join(root, `lab-reports-shard-${index + 1}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "summary.json"), JSON.stringify(summary));
      return dir;
    });
    return { root, dirs };
  }

  it("writes one junit.xml and summary.json with every lab, and exits 1 because a lab failed", () => {
    const { root, dirs } = sampleShards();
    const out = join(root, "merged");
    const child = spawnSync(process.execPath, [script, "--out", out, ...dirs], { encoding: "utf8" });
    expect(child.stdout).toContain("2 passed, 1 failed, 1 incomplete");
    expect(child.status).toBe(1);
    const junit = readFileSync(join(out, "junit.xml"), "utf8");
    expect(junit).toMatch(/<testsuites name="istio-lab" tests="4" failures="1" skipped="1"/);
    for (const id of ORDER) expect(junit).toContain(`name="${id}"`);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { total: { labs: number }; missingShards: string[] };
    expect(summary.total.labs).toBe(4);
    expect(summary.missingShards).toEqual([]);
  });

  it("names a shard whose runner left no summary.json, and fails", () => {
    const { root, dirs } = sampleShards();
    expect(dirs).toHaveLength(2);
    const passingOnly = join(root, "passing");
    mkdirSync(passingOnly);
    writeFileSync(join(passingOnly, "summary.json"), JSON.stringify(summarize([result("ch4-tls", "passed", 1)])));
    const child = spawnSync(process.execPath, [script, "--out", join(root, "merged"), passingOnly, join(root, "lab-reports-shard-9")], { encoding: "utf8" });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain(`✗ ${join(root, "lab-reports-shard-9")}: no readable summary.json`);
    // The same passing shard alone merges cleanly.
    expect(spawnSync(process.execPath, [script, "--out", join(root, "merged-ok"), passingOnly], { encoding: "utf8" }).status).toBe(0);
  });
});
