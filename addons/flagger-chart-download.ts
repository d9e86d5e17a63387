// The Flagger chart in the cache: verified against the digest its chart repository publishes, remembered on first
// use (no second public source pins it), and re-checked against that record on every later use.
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { environmentError } from "../core/errors.js";
import type { PlatformDeps } from "../cluster/install/platform-types.js";
import { checksumMismatchError } from "../cluster/tools/checksum.js";
import { downloadToTempFile, fetchText } from "../cluster/tools/download.js";
import { assertSameFirstUseDigest, firstUseNotice, recordFirstUseDigest, recordedFirstUseDigest, strictPinRefusal } from "../cluster/tools/first-use-digest.js";
import { sha256File } from "../cluster/tools/verified-install.js";
import { FLAGGER_CHART } from "./flagger-chart.js";

type ChartDeps = Pick<PlatformDeps, "workDir" | "signal" | "log" | "pinPolicy" | "onNotice">;

// Where the verified chart is kept, per version.
export function flaggerChartPath(workDir: string): string {
  return join(workDir, "charts", `flagger-${FLAGGER_CHART.version}.tgz`);
}

// The `digest` of one chart version in a Helm repository index.yaml.
export function chartDigestFromIndex(indexYaml: string, name: string, version: string, indexUrl: string): string {
  // failsafe: every scalar stays a string (a digest of digits and one "e" would otherwise parse as a number).
  const index = parse(indexYaml, { schema: "failsafe" }) as { entries?: Record<string, { version?: unknown; digest?: unknown }[] | undefined> } | null;
  const entry = index?.entries?.[name]?.find((candidate) => candidate.version === version);
  if (typeof entry?.digest !== "string" || !/^[0-9a-f]{64}$/.test(entry.digest)) {
    throw environmentError(`${indexUrl} has no SHA-256 digest for ${name} ${version}.`, {
      hint: "The chart repository answered with something unexpected; run again, or report it if it repeats.",
    });
  }
  return entry.digest;
}

// The chart's path once verified: the cached file if it still has the recorded digest, else a checked download.
export async function ensureFlaggerChart(deps: ChartDeps): Promise<string> {
  const path = flaggerChartPath(deps.workDir);
  const recorded = await recordedFirstUseDigest(deps.workDir, FLAGGER_CHART.url);
  if (recorded !== undefined && (await sha256File(path).catch(() => undefined)) === recorded) return path;
  const what = `the Flagger ${FLAGGER_CHART.version} chart`;
  if (deps.pinPolicy === "strict") throw strictPinRefusal(what, FLAGGER_CHART.url, "install Flagger yourself");
  const published = chartDigestFromIndex(await fetchText(FLAGGER_CHART.indexUrl, deps.signal), FLAGGER_CHART.name, FLAGGER_CHART.version, FLAGGER_CHART.indexUrl);
  assertSameFirstUseDigest(FLAGGER_CHART.url, recorded, published, deps.workDir);
  await mkdir(join(deps.workDir, "charts"), { recursive: true });
  deps.log(`downloading ${FLAGGER_CHART.url}`);
  const download = await downloadToTempFile({ url: FLAGGER_CHART.url, dir: join(deps.workDir, "charts"), signal: deps.signal });
  if (download.sha256 !== published) {
    await rm(download.path, { force: true });
    throw checksumMismatchError(FLAGGER_CHART.url, published, download.sha256, `${FLAGGER_CHART.indexUrl}, the chart repository's own digest`);
  }
  await rename(download.path, path);
  await recordFirstUseDigest(deps.workDir, FLAGGER_CHART.url, published);
  deps.onNotice?.(firstUseNotice(what, "Flagger's chart repository", recorded !== undefined));
  return path;
}
