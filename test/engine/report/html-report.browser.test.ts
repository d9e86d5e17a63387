import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planOf } from "../../../engine/execute/checks/weighted-check.js";
import type { WeightedCheck } from "../../../engine/lab-types.js";
import { summarize, type SummaryLab } from "../../../engine/report/summary.js";
import { writeHtmlReport } from "../../../engine/report/write-html-report.js";
import { LABS } from "../../../labs/registry.js";
import { main } from "../../../scripts/cli/main.js";
import { chromiumGate, launchOfflineChromium, type OfflineBrowser } from "./helpers/chromium.js";
import { FIXTURES_DIR, readRecorded, type RecordedName } from "./helpers/recorded-summaries.js";

// Pages rendered from recorded summaries, opened offline in headless Chromium (Debian's), asserted on the DOM.
const gate = chromiumGate(process.env);
if (gate.reason) console.warn(gate.reason);
const ARTIFACTS = join(import.meta.dirname, "..", "..", "..", "test-artifacts", "report");
const README_SCREENSHOT = join(import.meta.dirname, "..", "..", "..", "docs", "report-screenshot.png");

// The plan a lab's weighted check was built with (the band the page must draw).
function weightedPlan(labId: string, title: string): { n: number; low: number; high: number } {
  const check = LABS.find((lab) => lab.id === labId)!
    .steps({ fast: false })
    .flatMap((step) => step.checks)
    .find((c): c is WeightedCheck => c.kind === "weighted" && c.title === title)!;
  return planOf(check);
}

// Skips with its reason where Chromium is missing; under CI (CI=true) it fails instead.
describe.skipIf(gate.executablePath === undefined && !gate.required)("HTML report in Chromium", () => {
  let browser: OfflineBrowser | undefined;

  // The browser, or (under CI without Chromium) a failure that says how to get it.
  function chromiumOrFail(): OfflineBrowser {
    if (browser === undefined) throw new Error(`${gate.reason}; CI needs it: .ci/run installs it with .ci/setup-chromium.sh`);
    return browser;
  }
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "istio-lab-report-"));
    await mkdir(ARTIFACTS, { recursive: true });
    if (gate.executablePath === undefined) return;
    browser = await launchOfflineChromium(gate.executablePath);
    browser.context.on("request", (request) => void requests.push(request.url()));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // Writes the recorded summary's page as `lab report` does and opens it; only the page itself may load.
  async function open(name: RecordedName): Promise<Page> {
    chromiumOrFail();
    const runDir = join(dir, name.replace(".json", ""));
    await mkdir(runDir, { recursive: true });
    await copyFile(join(FIXTURES_DIR, name), join(runDir, "summary.json"));
    const io = { out: () => undefined, err: (text: string) => void console.error(text), isTTY: false, env: {} };
    expect(await main(["report", runDir], io)).toBe(0);
    const url = pathToFileURL(join(runDir, "index.html")).href;
    requests.length = 0;
    const page = await chromiumOrFail().context.newPage();
    await page.goto(url);
    expect(requests).toEqual([url]);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it("a failed weighted check: listed first, its check shows expected/seen/command, the chart's band is the plan's", async () => {
    const page = await open("summary-weighted-fail.json");
    const summary = readRecorded("summary-weighted-fail.json");
    expect(summary.labs.map((lab) => lab.labId)).toEqual(["ch2-first-mesh", "ch5-traffic-shifting", "ch4-tls"]);
    expect(await page.locator("table.summary tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-lab")))).toEqual(["ch5-traffic-shifting", "ch2-first-mesh", "ch4-tls"]);
    const first = page.locator("table.summary tbody tr").first();
    expect(await first.locator(".badge").textContent()).toBe("FAILED");
    expect(await first.locator("td.step").textContent()).toBe("Shift 10% of catalog traffic to v2");
    expect(await page.locator(".meta .shard").textContent()).toBe("3/4");
    expect(await page.locator(".meta .commit").textContent()).toBe(summary.run?.commit);

    const failedLab = summary.labs[1]!;
    const failedCheck = failedLab.steps.flatMap((step) => step.checks).find((check) => check.status === "failed")!;
    const card = page.locator('section[data-lab="ch5-traffic-shifting"] .ck.failed');
    expect(await card.count()).toBe(1);
    expect(await card.locator(".title").textContent()).toBe("about 10% of responses are v2");
    expect(await card.locator(".exp").textContent()).toBe(failedCheck.expected);
    expect(await card.locator(".seen").textContent()).toBe(failedCheck.seen);
    expect(await card.locator(".cmd").textContent()).toBe("curl -s -H 'Host: webapp.istioinaction.io' http://127.0.0.1:30000/api/catalog");
    expect(await card.locator("i").textContent()).toContain("3 polls");

    const plan = weightedPlan("ch5-traffic-shifting", "about 10% of responses are v2");
    const band = card.locator('svg[data-chart="weighted"] rect.band');
    expect(await band.getAttribute("data-low")).toBe(String(plan.low));
    expect(await band.getAttribute("data-high")).toBe(String(plan.high));
    // The band's drawn extent is low..high of 0..n on the chart's axis.
    const [x, width] = [Number(await band.getAttribute("x")), Number(await band.getAttribute("width"))];
    expect(x).toBeCloseTo(12 + (536 * plan.low) / plan.n, 0);
    expect(x + width).toBeCloseTo(12 + (536 * plan.high) / plan.n, 0);
    expect(await card.locator("svg .mark-bad").count()).toBe(1);

    const links = await page.locator('section[data-lab="ch5-traffic-shifting"] ul.diagnostics a').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toContain("diagnostics/ch5-traffic-shifting/README.txt");
    await screenshot(page, "weighted-fail");
    // The README's picture (UPDATE_README_SCREENSHOT=1): the top of this page, the failure and its chart.
    if (process.env["UPDATE_README_SCREENSHOT"] === "1") await page.screenshot({ path: README_SCREENSHOT, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 1690 } });

    await page.locator("#only-failures").check();
    expect(await page.locator('table.summary tr[data-lab="ch2-first-mesh"]').isVisible()).toBe(false);
    expect(await page.locator('section[data-lab="ch4-tls"]').isVisible()).toBe(false);
    expect(await page.locator('table.summary tr[data-lab="ch5-traffic-shifting"]').isVisible()).toBe(true);
    expect(await page.locator('section[data-lab="ch5-traffic-shifting"]').isVisible()).toBe(true);
    await screenshot(page, "weighted-fail-filtered");
    await page.close();
  });

  it("a pass: the retries lab's failure rate before and after within its bounds, the mirror's two sides, the canary's weights", async () => {
    const page = await open("summary-pass.json");
    expect(await page.locator("table.summary .badge").allTextContents()).toEqual(["passed", "passed", "passed", "passed", "passed"]);
    const shares = page.locator('section[data-lab="ch2-retries"] svg[data-chart="shares"]');
    const bounds = await shares.locator("rect.band").evaluateAll((rects) => rects.map((r) => [r.getAttribute("data-low-share"), r.getAttribute("data-high-share")]));
    const percent = (k: number, n: number): string => String(Math.round((1000 * k) / n) / 10);
    const before = weightedPlan("ch2-retries", "about 51% of /api/catalog calls fail");
    const after = weightedPlan("ch2-retries", "about 6.8% of /api/catalog calls fail (0.51^4)");
    expect(bounds).toEqual([
      [percent(before.low, before.n), percent(before.high, before.n)],
      [percent(after.low, after.n), percent(after.high, after.n)],
    ]);
    expect(await shares.locator("circle").evaluateAll((dots) => dots.map((d) => d.getAttribute("data-share")))).toEqual([percent(Math.round(0.51 * before.n), before.n), percent(Math.round(0.068 * after.n), after.n)]);

    const mirror = page.locator('section[data-lab="ch5-mirror"] svg[data-chart="mirror"]');
    expect([await mirror.getAttribute("data-served"), await mirror.getAttribute("data-copied")]).toEqual(["20", "3"]);

    const canary = page.locator('section[data-lab="ch5-canary"] svg[data-chart="canary"] circle');
    expect(await canary.evaluateAll((dots) => dots.map((d) => d.getAttribute("data-weight")))).toEqual(["0", "0", "10", "20", "30", "40", "50", "0", "0", "0"]);
    await screenshot(page, "pass");
    await page.close();
  });

  it("a failed canary: Flagger's halts and the failure, an incomplete lab before the passed one", async () => {
    const page = await open("summary-canary-fail.json");
    expect(await page.locator("table.summary tbody tr").evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-lab"), r.className]))).toEqual([
      ["ch5-canary", "failed"],
      ["ch5-registry-only", "incomplete"],
      ["ch5-routing", "passed is-passed"],
    ]);
    const section = page.locator('section[data-lab="ch5-canary"]');
    const dots = section.locator('svg[data-chart="canary"] circle');
    expect(await dots.last().getAttribute("data-phase")).toBe("Failed");
    expect(await dots.last().getAttribute("class")).toBe("dot-bad");
    expect(await section.locator('svg[data-chart="canary"] text.bad').allTextContents()).toEqual(["✗1", "✗2", "✗3", "✗4", "✗5"]);
    expect(await section.locator("table.states").textContent()).toContain("Halt advancement no values found for istio metric request-success-rate");
    const card = section.locator(".ck.failed");
    expect(await card.locator(".cmd").textContent()).toBe("kubectl get canary catalog-release -n istioinaction -w --context kind-myk8s");
    expect(await card.locator(".seen").textContent()).toContain('saw "Failed 0"');
    expect(await card.locator(".exp").textContent()).toContain("Progressing 10 -> Progressing 20");
    expect(await page.locator('section[data-lab="ch5-registry-only"] .ck.incomplete .title').count()).toBe(1);
    await page.locator("#only-failures").check();
    expect(await page.locator('section[data-lab="ch5-registry-only"]').isVisible()).toBe(true);
    expect(await page.locator('section[data-lab="ch5-routing"]').isVisible()).toBe(false);
    await screenshot(page, "canary-fail");
    await page.close();
  });

  it("an early end without Docker: says why and that no lab ran", async () => {
    const page = await open("summary-no-docker.json");
    expect(await page.locator(".ended").textContent()).toContain("Docker is not reachable");
    expect(await page.locator(".ended").textContent()).toContain("npm run lab doctor");
    expect(await page.locator("main").textContent()).toContain("No lab ran.");
    await screenshot(page, "no-docker");
    await page.close();
  });

  it("runs no script and loads nothing from text that tries to inject HTML", async () => {
    const evil = '<img src="http://127.0.0.1:9/x.png" onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
    const lab = { labId: evil, status: evil, durationMs: 1, steps: [{ title: evil, status: "failed", durationMs: 1, actions: [], checks: [{ title: evil, status: "failed", expected: evil, seen: evil, command: evil, attempts: 1, durationMs: 1, details: { n: 10, band: "1..2", hits: 5, hitLabel: evil, expectedShare: 0.1 } }] }], cleanup: [], failure: { step: evil, message: evil, expected: evil, seen: evil, command: evil } };
    const file = join(dir, "evil", "index.html");
    await writeHtmlReport(summarize([lab as unknown as SummaryLab], { shard: evil, commit: evil }), file);
    requests.length = 0;
    const page = await chromiumOrFail().context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.title()).not.toBe("pwned");
    expect(await page.locator("img, script, iframe, object").count()).toBe(0);
    expect(await page.locator("table.summary td a").first().textContent()).toBe(evil);
    await page.close();
  });
});
