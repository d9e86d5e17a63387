// The nightly workflow's shard matrix and merge job, read as the YAML GitHub Actions reads.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../core/paths.js";

interface Job {
  needs?: string | string[];
  if?: string;
  strategy?: { "fail-fast"?: boolean; matrix?: { shard?: number[] } };
  steps: Array<{ name?: string; run?: string; uses?: string; with?: Record<string, string> }>;
}

const workflow = parse(readFileSync(join(projectRoot(), ".github", "workflows", "nightly.yml"), "utf8")) as { jobs: Record<string, Job> };

describe("nightly.yml", () => {
  const labs = workflow.jobs["labs"];
  const report = workflow.jobs["report"];

  it("runs one shard per matrix runner, every shard of N, without cancelling the others on a failure", () => {
    const shards = labs?.strategy?.matrix?.shard ?? [];
    expect(shards.length).toBeGreaterThan(1);
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(labs?.strategy?.["fail-fast"]).toBe(false);
    const run = labs?.steps.find((step) => step.run?.includes(" all "))?.run;
    expect(run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(run).toContain("--report reports");
    const upload = labs?.steps.find((step) => step.uses?.startsWith("actions/upload-artifact"));
    expect(upload?.with?.["name"]).toBe("lab-reports-shard-${{ matrix.shard }}");
  });

  it("merges every shard's reports after the matrix, even when a shard failed", () => {
    const shards = labs?.strategy?.matrix?.shard ?? [];
    expect(report?.needs).toBe("labs");
    expect(report?.if).toBe("always()");
    const download = report?.steps.find((step) => step.uses?.startsWith("actions/download-artifact"));
    expect(download?.with?.["pattern"]).toBe("lab-reports-shard-*");
    const merge = report?.steps.find((step) => step.run?.includes("merge-reports"))?.run ?? "";
    for (const shard of shards) expect(merge).toContain(`shards/lab-reports-shard-${shard}`);
    expect(report?.steps.some((step) => step.uses?.startsWith("actions/upload-artifact"))).toBe(true);
  });
});
