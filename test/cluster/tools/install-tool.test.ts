import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExec } from "../../../core/exec.js";
import { LabError } from "../../../core/errors.js";
import { DownloadError } from "../../../cluster/tools/download-error.js";
import { installTool } from "../../../cluster/tools/install-tool.js";
import type { DownloadProgress } from "../../../cluster/tools/progress-format.js";
import { toolsCacheDir } from "../../../cluster/tools/tool-cache.js";
import { TOOL_NAMES, TOOL_PINS, toolArtifact, type ToolName } from "../../../cluster/tools/tool-pins.js";
import { VERSION_ARGS, parseToolVersion } from "../../../cluster/tools/tool-version.js";
import { startFixtureServer, type FixtureServer } from "./helpers/fixture-server.js";
import type { PinnedDigest } from "../../../cluster/tools/tool-digests.js";
import { LINUX_AMD64, buildToolDownloads, fixtureDigests, fixtureBaseUrls, listFiles, makeTempDir, publishTools, removeTempDirs, sha256Hex } from "./helpers/fixture-tools.js";

let server: FixtureServer;
let cacheDir: string;
let digests: Record<string, PinnedDigest>;

beforeEach(async () => {
  server = await startFixtureServer();
  cacheDir = await makeTempDir("install");
  digests = await fixtureDigests(LINUX_AMD64);
});

afterEach(async () => {
  await server.close();
  await removeTempDirs();
});

const artifactOf = (tool: ToolName) => toolArtifact(tool, LINUX_AMD64, fixtureBaseUrls(server.baseUrl));
const pathOf = (url: string) => new URL(url).pathname;

async function catchError(promise: Promise<unknown>): Promise<LabError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error("expected the promise to reject");
}

describe("installTool with a good checksum", () => {
  it.each(TOOL_NAMES)("installs %s as an executable that reports the pinned version", async (tool) => {
    await publishTools(server, LINUX_AMD64, [tool]);
    const progress: DownloadProgress[] = [];
    const binary = await installTool(artifactOf(tool), { cacheDir, digests, onProgress: (event) => progress.push(event) });

    expect(binary).toBe(join(cacheDir, "tools", TOOL_PINS[tool].installDir, TOOL_PINS[tool].binary));
    expect((await stat(binary)).mode & 0o777).toBe(0o755);
    const result = await createExec()(binary, VERSION_ARGS[tool]);
    expect(parseToolVersion(tool, result.stdout)).toBe(TOOL_PINS[tool].version);

    const last = progress.at(-1);
    expect(last?.tool).toBe(tool);
    expect(last?.receivedBytes).toBe(last?.totalBytes);
    const leftovers = (await listFiles(toolsCacheDir(cacheDir))).filter((file) => file.includes(".download-") || file.includes(".extract-"));
    expect(leftovers).toEqual([]);
  });

  it("unpacks the full Istio release with samples/addons", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    await installTool(artifactOf("istioctl"), { cacheDir, digests });
    const files = await listFiles(join(cacheDir, "tools", "istio-1.17.8"));
    expect(files.sort()).toEqual([".verified.json", "bin/istioctl", "manifests/profiles/default.yaml", "samples/addons/grafana.yaml", "samples/addons/prometheus.yaml"]);
    expect(await readFile(join(cacheDir, "tools", "istio-1.17.8", "samples", "addons", "grafana.yaml"), "utf8")).toContain("grafana");
  });

  it("keeps only the helm binary from the helm archive", async () => {
    await publishTools(server, LINUX_AMD64, ["helm"]);
    await installTool(artifactOf("helm"), { cacheDir, digests });
    expect((await listFiles(toolsCacheDir(cacheDir))).sort()).toEqual(["helm-v3.11.3/.verified.json", "helm-v3.11.3/helm"]);
  });
});

describe("installTool with a bad checksum", () => {
  it.each(TOOL_NAMES)("refuses %s against its pinned digest (whatever its host publishes) and leaves nothing in the cache", async (tool) => {
    await publishTools(server, LINUX_AMD64, [tool]);
    const artifact = artifactOf(tool);
    const wrong = sha256Hex("something else");
    const pins = { ...digests, [artifact.digestKey]: { sha256: wrong, sources: ["pin source A", "pin source B"] as const } };
    const actual = sha256Hex(Buffer.from((await buildToolDownloads(LINUX_AMD64))[tool].body));

    const error = await catchError(installTool(artifact, { cacheDir, digests: pins }));

    expect(error.kind).toBe("environment");
    expect(error.message).toContain(artifact.url);
    expect(error.message).toContain(`expected ${wrong}`);
    expect(error.message).toContain(`got ${actual}`);
    expect(error.message).toContain("pin source A; pin source B");
    expect(error.hint).toBe("the download was corrupted or tampered with; run again, or report if it repeats");
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("a pin always wins: the host's own checksum file is never read, even when it agrees with the download", async () => {
    await publishTools(server, LINUX_AMD64, ["kind"]);
    const artifact = artifactOf("kind");
    await installTool(artifact, { cacheDir, digests });
    expect(server.requests).toEqual([pathOf(artifact.url)]);
  });

  it("checks the pinned size too: a wrong pin fails with the size and the digest", async () => {
    await publishTools(server, LINUX_AMD64, ["kubectl"]);
    const artifact = artifactOf("kubectl");
    const body = (await buildToolDownloads(LINUX_AMD64)).kubectl.body;
    const pins = { ...digests, [artifact.digestKey]: { sha256: sha256Hex("v1.23.14"), bytes: 45174784, sources: ["A", "B"] as const } };
    const error = await catchError(installTool(artifact, { cacheDir, digests: pins }));
    expect(error.message).toContain(`size 45174784 expected, got ${body.length}`);
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("a right digest with a wrong pinned size still fails, naming the size", async () => {
    await publishTools(server, LINUX_AMD64, ["kind"]);
    const artifact = artifactOf("kind");
    const pinned = digests[artifact.digestKey];
    if (pinned === undefined) throw new Error("fixture pin missing");
    const pins = { ...digests, [artifact.digestKey]: { ...pinned, bytes: 1 } };
    const error = await catchError(installTool(artifact, { cacheDir, digests: pins }));
    expect(error.message).toContain("size 1 expected");
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("(first use, no pin) refuses a malformed checksum file before downloading the artifact", async () => {
    await publishTools(server, LINUX_AMD64, ["kind"]);
    const artifact = artifactOf("kind");
    server.routes.set(pathOf(artifact.checksumUrl), { body: "<html>rate limited</html>" });
    const error = await catchError(installTool(artifact, { cacheDir, digests: {} }));
    expect(error.message).toContain(artifact.checksumUrl);
    expect(server.requests).not.toContain(pathOf(artifact.url));
    expect(await listFiles(cacheDir)).toEqual([]);
  });
});

describe("installTool with a broken download", () => {
  it.each([
    ["the server destroys the socket mid-body", "destroy"],
    ["the body is shorter than content-length", "end"],
  ] as const)("leaves no half file when %s", async (_name, cutMode) => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    const artifact = artifactOf("istioctl");
    const route = server.routes.get(pathOf(artifact.url));
    server.routes.set(pathOf(artifact.url), { body: route?.body ?? "", cutAfter: 100, cutMode });

    const error = await catchError(installTool(artifact, { cacheDir, digests }));

    expect(error).toBeInstanceOf(DownloadError);
    expect(error.kind).toBe("environment");
    expect(error.message).toContain(artifact.url);
    expect(error.message).toMatch(/connection dropped after 100 of \d+ bytes/);
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("leaves no half file when the download is aborted", async () => {
    await publishTools(server, LINUX_AMD64, ["kind"]);
    const artifact = artifactOf("kind");
    const route = server.routes.get(pathOf(artifact.url));
    server.routes.set(pathOf(artifact.url), { body: route?.body ?? "", stallAfter: 10 });
    const controller = new AbortController();

    const error = await catchError(installTool(artifact, { cacheDir, digests, signal: controller.signal, onProgress: () => controller.abort() }));

    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).reason).toMatch(/^cancelled after 10 of \d+ bytes$/);
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("reports an HTTP error with its status", async () => {
    const artifact = artifactOf("kubectl");
    const error = await catchError(installTool(artifact, { cacheDir, digests }));
    expect(error).toBeInstanceOf(DownloadError);
    expect(error.message).toContain(`${artifact.url}: HTTP 404`);
    expect(await listFiles(cacheDir)).toEqual([]);
  });
});
