import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../engine/report/html/escape-html.js";
import { orderLabsForReport, stepToLookAt, viewStatus } from "../../../engine/report/html/lab-status-view.js";
import { renderReportPage } from "../../../engine/report/html/render-report-page.js";
import { timelineBars } from "../../../engine/report/html/step-timeline.js";
import { readSummaryFile } from "../../../engine/report/read-summary.js";
import { buildSummary, summarize, type SummaryLab } from "../../../engine/report/summary.js";
import { main } from "../../../scripts/cli/main.js";
import { fullPassingRun } from "./helpers/full-run.js";
import { readRecorded } from "./helpers/recorded-summaries.js";

const lab = (labId: string, status: string): SummaryLab => ({ labId, status, durationMs: 1000, steps: [], cleanup: [] }) as unknown as SummaryLab;

function capturedIo(): { io: Parameters<typeof main>[1]; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text) => void out.push(text), err: (text) => void err.push(text), isTTY: false, env: {} }, out, err };
}

describe("HTML report (pure rendering)", () => {
  it("lists failed labs first, then anything not passed (incomplete, unknown statuses), then passed, keeping run order", () => {
    const ordered = orderLabsForReport([lab("a", "passed"), lab("b", "failed"), lab("c", "incomplete"), lab("d", "failed"), lab("e", "some-future-status")]);
    expect(ordered.map((l) => l.labId)).toEqual(["b", "d", "c", "e", "a"]);
  });

  it("draws unknown or missing statuses as 'unknown' styling with their own word, never as passed", () => {
    expect(viewStatus("incomplete")).toEqual({ css: "incomplete", label: "incomplete" });
    expect(viewStatus("exploded")).toEqual({ css: "unknown", label: "exploded" });
    expect(viewStatus(undefined)).toEqual({ css: "unknown", label: "unknown" });
    expect(viewStatus("failed").css).toBe("failed");
  });

  it("names the step to look at: the failure's, else the first step that did not pass", () => {
    const summary = readRecorded("summary-weighted-fail.json");
    expect(stepToLookAt(summary.labs[1]!)).toBe("Shift 10% of catalog traffic to v2");
    expect(stepToLookAt(summary.labs[0]!)).toBeUndefined();
    const incomplete = readRecorded("summary-canary-fail.json").labs.find((l) => (l.status as string) === "incomplete")!;
    expect(stepToLookAt({ ...incomplete, steps: incomplete.steps.map((s, i) => (i === 1 ? { ...s, status: "skipped" } : s)) })).toBe(incomplete.steps[1]!.title);
  });

  it("lays steps end to end and a step's checks at its end, with their polls", () => {
    const steps = readRecorded("summary-weighted-fail.json").labs[1]!.steps;
    const bars = timelineBars(steps);
    const stepBars = bars.filter((bar) => bar.depth === 0);
    expect(stepBars.map((bar) => bar.startMs)).toEqual(steps.map((_, i) => steps.slice(0, i).reduce((ms, s) => ms + s.durationMs, 0)));
    const weighted = bars.find((bar) => bar.label === "about 10% of responses are v2")!;
    const step = stepBars.find((bar) => bar.label === "Shift 10% of catalog traffic to v2")!;
    expect(weighted.polls).toBe(3);
    expect(weighted.startMs + weighted.durationMs).toBe(step.startMs + step.durationMs);
  });

  it("escapes every text from outside: no tag, attribute or script survives", () => {
    const evil = '<img src=x onerror="alert(1)">';
    const summary = summarize([
      { ...lab(evil, "failed"), steps: [{ title: `</td><script>alert(2)</script>`, status: "failed", durationMs: 5, actions: [], checks: [{ title: evil, status: "failed", expected: "'\"&<>", seen: "\u001b[31m<b>red</b>\u001b[0m", command: "curl '<x>'", attempts: 1, durationMs: 5 }] }], failure: { step: evil, message: evil, expected: evil, seen: evil, command: evil }, diagnosticsFiles: ["javascript:alert(3)", "diagnostics/ok/pods.txt", "../outside.txt"] } as SummaryLab,
    ], { shard: "<i>1/2</i>", commit: '"><script>alert(4)</script>' });
    const html = renderReportPage(summary);
    expect(html).not.toMatch(/<script|<img|<b>red|<i>1\/2|href="javascript/i);
    expect(html).toContain("&lt;b&gt;red&lt;/b&gt;");
    expect(html).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    expect(html).toContain('data-lab="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"');
    expect(html).toContain('<a href="diagnostics/ok/pods.txt">');
    expect(html).toContain("<code>../outside.txt</code>");
    expect(escapeHtml("a\u001b[1mb")).toBe("ab");
  });

  it("weighs under 200 KB for all 26 labs passing, without diagnostics", () => {
    const results = fullPassingRun();
    expect(results).toHaveLength(26);
    const bytes = Buffer.byteLength(renderReportPage(summarize(results, { shard: "1/1", commit: "0".repeat(40) })));
    expect(bytes).toBeGreaterThan(20_000);
    expect(bytes, `${bytes} bytes`).toBeLessThan(200 * 1024);
    console.info(`26-lab page: ${bytes} bytes`);
  });

  it("reads summaries of schema 1 (no version, no run, no kinds) and renders them", () => {
    const old = { total: { labs: 1, passed: 0, failed: 1, skipped: 0, durationMs: 9 }, labs: [{ labId: "ch4-tls", status: "failed", durationMs: 9, steps: [{ title: "s", status: "failed", durationMs: 9, actions: [], checks: [{ title: "c", status: "failed", expected: "e", seen: "s", command: "k", attempts: 1, durationMs: 9 }] }], cleanup: [] }] };
    const html = renderReportPage(old as never);
    expect(html).toContain("ch4-tls");
    expect(html).not.toContain("data-chart");
  });

  it("lists a failed lab's diagnostics files relative to the report folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "istio-lab-html-"));
    try {
      await mkdir(join(dir, "diagnostics", "ch5-mirror"), { recursive: true });
      await writeFile(join(dir, "diagnostics", "ch5-mirror", "pods.txt"), "pods\n");
      await writeFile(join(dir, "diagnostics", "ch5-mirror", "README.txt"), "readme\n");
      const summary = await buildSummary([{ ...lab("ch5-mirror", "failed"), diagnosticsDir: join(dir, "diagnostics", "ch5-mirror") }], dir, {});
      expect(summary.schemaVersion).toBe(2);
      expect(summary.labs[0]!.diagnosticsFiles).toEqual(["diagnostics/ch5-mirror/README.txt", "diagnostics/ch5-mirror/pods.txt"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("`lab report DIR` re-renders index.html from DIR/summary.json, and says what is wrong with a bad folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "istio-lab-html-"));
    try {
      await writeFile(join(dir, "summary.json"), JSON.stringify(readRecorded("summary-weighted-fail.json")));
      const ok = capturedIo();
      expect(await main(["report", dir], ok.io)).toBe(0);
      const html = await readFile(join(dir, "index.html"), "utf8");
      expect(html).toContain('data-lab="ch5-traffic-shifting"');
      expect(ok.out.join("\n")).toContain("index.html (3 labs)");

      const missing = capturedIo();
      expect(await main(["report", join(dir, "nope")], missing.io)).toBe(3);
      expect(missing.err.join("\n")).toContain("Cannot read the run summary");
      await writeFile(join(dir, "summary.json"), '{"total":{}}');
      const bad = capturedIo();
      expect(await main(["report", dir], bad.io)).toBe(2);
      expect(bad.err.join("\n")).toContain('not a run summary (no "labs" list)');
      await expect(readSummaryFile(join(dir, "summary.json"))).rejects.toMatchObject({ kind: "usage", hint: expect.stringContaining("--report") });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
