import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chartDigestFromIndex, ensureFlaggerChart, flaggerChartPath } from "../../addons/flagger-chart-download.js";
import { FLAGGER_CHART } from "../../addons/flagger-chart.js";
import { firstUseRecordPath } from "../../cluster/tools/first-use-digest.js";
import { LabError } from "../../core/errors.js";
import { makeTempDir, removeTempDirs, sha256Hex } from "../cluster/tools/helpers/fixture-tools.js";

// The chart repository's index as Helm serves it (facts/install.md §4 gives 1.29.0's digest as e97d2aa0…).
const INDEX = `apiVersion: v1
entries:
  flagger:
  - version: 1.30.0
    digest: ${"3".repeat(64)}
    urls: [https://flagger.app/flagger-1.30.0.tgz]
  - version: 1.29.0
    digest: e97d2aa032441939d81de59641abe779f207ed1cd32e17dee11e9ed905e1ad7b
    urls: [https://flagger.app/flagger-1.29.0.tgz]
`;

describe("chartDigestFromIndex", () => {
  it("reads the digest of exactly the requested version", () => {
    expect(chartDigestFromIndex(INDEX, "flagger", "1.29.0", "u")).toBe("e97d2aa032441939d81de59641abe779f207ed1cd32e17dee11e9ed905e1ad7b");
    expect(chartDigestFromIndex(INDEX, "flagger", "1.30.0", "u")).toBe("3".repeat(64));
  });

  it.each([
    ["a version the index does not list", INDEX, "1.28.0"],
    ["an entry without a digest", "entries:\n  flagger:\n  - version: 1.29.0\n", "1.29.0"],
    ["a digest that is not SHA-256 hex", "entries:\n  flagger:\n  - version: 1.29.0\n    digest: abc\n", "1.29.0"],
    ["an HTML error page", "<html>403</html>", "1.29.0"],
  ])("refuses %s", (_name, text, version) => {
    expect(() => chartDigestFromIndex(text, "flagger", version, "https://flagger.app/index.yaml")).toThrow(/has no SHA-256 digest/);
  });
});

describe("ensureFlaggerChart", () => {
  let workDir: string;
  const chart = Buffer.from("flagger chart bytes");
  const notices: string[] = [];
  let fetched: string[];
  let index: string;
  const realFetch = globalThis.fetch;

  beforeEach(async () => {
    workDir = await makeTempDir("flagger");
    notices.length = 0;
    fetched = [];
    index = `entries:\n  flagger:\n  - version: ${FLAGGER_CHART.version}\n    digest: ${sha256Hex(chart)}\n`;
    // The network edge only: the two URLs the chart download reads.
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = String(input);
      fetched.push(url);
      if (url === FLAGGER_CHART.indexUrl) return new Response(index);
      if (url === FLAGGER_CHART.url) return new Response(chart, { headers: { "content-length": String(chart.length) } });
      return new Response("not found", { status: 404 });
    }) as typeof fetch;
  });

  afterEach(async () => {
    globalThis.fetch = realFetch;
    await removeTempDirs();
  });

  const deps = (pinPolicy?: "strict") => ({ workDir, signal: new AbortController().signal, log: () => {}, onNotice: (line: string) => notices.push(line), ...(pinPolicy ? { pinPolicy } : {}) });

  it("first use: checks the download against the index digest, records it and says so in one line", async () => {
    const path = await ensureFlaggerChart(deps());
    expect(path).toBe(flaggerChartPath(workDir));
    expect(await readFile(path)).toEqual(chart);
    expect(JSON.parse(await readFile(firstUseRecordPath(workDir), "utf8"))[FLAGGER_CHART.url].sha256).toBe(sha256Hex(chart));
    expect(notices).toEqual([expect.stringContaining("verified against the SHA-256 Flagger's chart repository publishes with the release; not pinned in this repository")]);
  });

  it("later uses take the cached chart while it has the recorded digest, without the network", async () => {
    await ensureFlaggerChart(deps());
    fetched = [];
    await ensureFlaggerChart(deps());
    expect(fetched).toEqual([]);
  });

  it("refuses a changed upstream digest after first use", async () => {
    await ensureFlaggerChart(deps());
    await removeChart();
    index = index.replace(sha256Hex(chart), "9".repeat(64));
    fetched = [];
    const error = await ensureFlaggerChart(deps()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).message).toMatch(/SHA-256 published for .* changed/);
    expect(fetched).not.toContain(FLAGGER_CHART.url);
  });

  it("refuses a download that does not match the index digest", async () => {
    index = index.replace(sha256Hex(chart), "8".repeat(64));
    const error = (await ensureFlaggerChart(deps()).catch((caught: unknown) => caught)) as LabError;
    expect(error.message).toContain(`expected ${"8".repeat(64)}`);
    await expect(readFile(flaggerChartPath(workDir))).rejects.toThrow();
  });

  it("--strict-pins refuses it before any request", async () => {
    const error = (await ensureFlaggerChart(deps("strict")).catch((caught: unknown) => caught)) as LabError;
    expect(error.message).toContain("--strict-pins refuses");
    expect(fetched).toEqual([]);
  });

  async function removeChart(): Promise<void> {
    const { rm } = await import("node:fs/promises");
    await rm(flaggerChartPath(workDir));
  }
});
