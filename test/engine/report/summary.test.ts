import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDuration } from "../../../engine/report/format-duration.js";
import { formatLabOutcome } from "../../../engine/report/format-lab.js";
import { formatSummary, summarize, writeSummaryJson } from "../../../engine/report/summary.js";
import type { LabResult, LabStatus } from "../../../engine/runner/lab-result.js";

function result(labId: string, status: LabStatus, durationMs: number, extra: Partial<LabResult> = {}): LabResult {
  return { labId, status, durationMs, steps: [{ title: "only step", status: status === "incomplete" ? "skipped" : status, durationMs, actions: [], checks: [] }], cleanup: [], ...extra };
}

const failure = { step: "Mirror", message: "check failed: no v2 response", expected: "no imageUrl", seen: "imageUrl present", command: "curl -s http://127.0.0.1:30000/items" };

describe("summary", () => {
  it("totals the labs and lists what did not pass with the diagnostics folder", () => {
    const results = [
      result("ch2-first-mesh", "passed", 61_000),
      result("ch4-tls", "passed", 300_000),
      result("ch5-routing", "passed", 200_000),
      result("ch5-mirror", "failed", 163_000, { failure, diagnosticsDir: "reports/diagnostics/ch5-mirror" }),
    ];
    const text = formatSummary(results);
    expect(text.split("\n")[0]).toBe("3 passed, 1 failed, 0 incomplete in 12m04s");
    expect(text).toContain("ch5-mirror: Mirror: check failed: no v2 response");
    expect(text).toContain("diagnostics: reports/diagnostics/ch5-mirror");
    expect(text).not.toContain("ch4-tls");
  });

  it("writes summary.json with totals and per-step timings", async () => {
    const dir = await mkdtemp(join(tmpdir(), "istio-lab-summary-"));
    try {
      const file = join(dir, "nested", "summary.json");
      await writeSummaryJson([result("a", "passed", 1000), result("b", "incomplete", 2500)], file);
      const parsed = JSON.parse(await readFile(file, "utf8")) as ReturnType<typeof summarize>;
      expect(parsed.total).toEqual({ labs: 2, passed: 1, failed: 0, incomplete: 1, durationMs: 3500 });
      expect(parsed.labs[1]!.steps[0]).toMatchObject({ title: "only step", durationMs: 2500 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("counts an incomplete lab apart from passed and failed, and says it is not proven", () => {
    const incomplete = result("ch5-registry-only", "incomplete", 4000);
    expect(formatSummary([result("a", "passed", 1000), incomplete]).split("\n")[0]).toBe("1 passed, 0 failed, 1 incomplete in 5s");
    expect(formatLabOutcome(incomplete)).toContain("ch5-registry-only INCOMPLETE");
  });

  it("formats durations", () => {
    expect([450, 42_000, 59_600, 724_000, 3_723_000].map(formatDuration)).toEqual(["450ms", "42s", "1m00s", "12m04s", "1h02m03s"]);
  });

  it("spells out one lab's failure: expected, seen and the command", () => {
    const text = formatLabOutcome(result("ch5-mirror", "failed", 5000, { failure, diagnosticsDir: "d" }));
    expect(text).toContain("ch5-mirror FAILED in 5s");
    expect(text).toContain("expected: no imageUrl");
    expect(text).toContain("seen:     imageUrl present");
    expect(text).toContain("see it yourself: curl -s http://127.0.0.1:30000/items");
    expect(text).toContain("diagnostics: d");
  });
});
