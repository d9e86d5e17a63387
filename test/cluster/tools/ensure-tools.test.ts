import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { formatToolStatus, listToolStatus } from "../../../cluster/tools/tool-status.js";
import { checkCacheIntegrity } from "../../../cluster/tools/verified-install.js";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createExec } from "../../../core/exec.js";
import { LabError } from "../../../core/errors.js";
import { ensureTools, resolveToolPaths, type EnsureToolsOptions } from "../../../cluster/tools/ensure-tools.js";
import type { DownloadProgress } from "../../../cluster/tools/progress-format.js";
import { TOOL_NAMES, toolArtifact } from "../../../cluster/tools/tool-pins.js";
import { closedPortUrl, startFixtureServer, type FixtureServer } from "./helpers/fixture-server.js";
import type { PinnedDigest } from "../../../cluster/tools/tool-digests.js";
import { LINUX_AMD64, fixtureBaseUrls, fixtureDigests, listFiles, makeTempDir, publishTools, removeTempDirs, writeFakeTool } from "./helpers/fixture-tools.js";

let server: FixtureServer;
let cacheDir: string;
let digests: Record<string, PinnedDigest>;

beforeEach(async () => {
  server = await startFixtureServer();
  cacheDir = await makeTempDir("ensure");
  digests = await fixtureDigests(LINUX_AMD64);
});

afterEach(async () => {
  await server.close();
  await removeTempDirs();
});

function optionsFor(baseUrl: string, extra: Partial<EnsureToolsOptions> = {}): EnsureToolsOptions {
  return { exec: createExec(), cacheDir, host: LINUX_AMD64, baseUrls: fixtureBaseUrls(baseUrl), pathEnv: "", digests, ...extra };
}

async function catchLabError(promise: Promise<unknown>): Promise<LabError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LabError);
    return error as LabError;
  }
  throw new Error("expected the promise to reject");
}

const cached = (...parts: string[]) => join(cacheDir, "tools", ...parts);

describe("ensureTools with a cold cache", () => {
  it("downloads every tool into the cache and returns their paths", async () => {
    await publishTools(server, LINUX_AMD64);
    const progress: DownloadProgress[] = [];
    const paths = await ensureTools(optionsFor(server.baseUrl, { onProgress: (event) => progress.push(event) }));

    expect(paths).toEqual({
      kind: cached("kind-v0.22.0", "kind"),
      kubectl: cached("kubectl-v1.23.17", "kubectl"),
      istioctl: cached("istio-1.17.8", "bin", "istioctl"),
      helm: cached("helm-v3.11.3", "helm"),
      istioDir: cached("istio-1.17.8"),
    });
    for (const binary of [paths.kind, paths.kubectl, paths.istioctl, paths.helm]) expect((await stat(binary)).mode & 0o111).toBe(0o111);
    expect((await stat(join(paths.istioDir, "samples", "addons", "prometheus.yaml"))).isFile()).toBe(true);
    expect(new Set(progress.map((event) => event.tool))).toEqual(new Set(TOOL_NAMES));
  });
});

describe("ensureTools with a warm cache", () => {
  it("makes no request at all", async () => {
    await publishTools(server, LINUX_AMD64);
    const first = await ensureTools(optionsFor(server.baseUrl));
    const requestsAfterFirstRun = server.requests.length;
    // Four artifacts and no checksum files: the digests are pinned, not fetched from the same host.
    expect(requestsAfterFirstRun).toBe(4);

    const second = await ensureTools(optionsFor(server.baseUrl));

    expect(second).toEqual(first);
    expect(server.requests.length).toBe(requestsAfterFirstRun);
  });

  it("works offline", async () => {
    await publishTools(server, LINUX_AMD64);
    const online = await ensureTools(optionsFor(server.baseUrl));
    const offline = await ensureTools(optionsFor(await closedPortUrl()));
    expect(offline).toEqual(online);
  });
});

describe("ensureTools with a tampered cache", () => {
  it("calls a cached binary that cannot be read 'changed' and says why, never an empty digest", async () => {
    await publishTools(server, LINUX_AMD64);
    const first = await ensureTools(optionsFor(server.baseUrl));
    await rm(first.kind);
    const integrity = await checkCacheIntegrity(cacheDir, "kind");
    expect(integrity.state).toBe("changed");
    expect(integrity.state === "changed" ? integrity.actual : "").toMatch(/^unreadable \(ENOENT/);
  });

  it("notices a cached binary replaced after it was verified, reports it, and downloads it again", async () => {
    await publishTools(server, LINUX_AMD64);
    const first = await ensureTools(optionsFor(server.baseUrl));
    const original = await readFile(first.kind);
    await writeFile(first.kind, "#!/bin/sh\necho 'kind v0.22.0 go1.20.13 linux/amd64'\n# replaced\n");
    const [kind] = await listToolStatus({ exec: createExec(), cacheDir, pathEnv: "" });
    expect(kind?.integrity?.state).toBe("changed");
    expect(kind?.cached).toBe(false);
    expect(formatToolStatus(kind!)).toContain("changed since it was verified");

    const requestsBefore = server.requests.length;
    const second = await ensureTools(optionsFor(server.baseUrl));
    expect(server.requests.length).toBe(requestsBefore + 1);
    expect(await readFile(second.kind)).toEqual(original);
  });
});

describe("ensureTools offline with a cold cache", () => {
  it("fails once, naming every tool, its URL and the reason, and the cache folder", async () => {
    const base = await closedPortUrl();
    const error = await catchLabError(ensureTools(optionsFor(base)));

    expect(error.kind).toBe("environment");
    for (const tool of TOOL_NAMES) {
      const artifact = toolArtifact(tool, LINUX_AMD64, fixtureBaseUrls(base));
      expect(error.message).toContain(`${tool} ${artifact.pin.version}: ${artifact.url} (`);
    }
    expect(error.message.match(/ECONNREFUSED/g)).toHaveLength(4);
    expect(error.hint).toContain(join(cacheDir, "tools"));
    expect(await listFiles(cacheDir)).toEqual([]);
  });

  it("lists exactly the tools that could not be fetched", async () => {
    await publishTools(server, LINUX_AMD64, ["kubectl", "istioctl"]);
    const error = await catchLabError(ensureTools(optionsFor(server.baseUrl)));

    const listed = error.message.split("\n").filter((line) => line.startsWith("  - ")).map((line) => line.slice(4).split(" ")[0]);
    expect(listed).toEqual(["kind", "helm"]);
    expect(error.message).toContain("HTTP 404");
    expect((await stat(cached("kubectl-v1.23.17", "kubectl"))).isFile()).toBe(true);
  });
});

describe("ensureTools with tools on PATH", () => {
  it("uses PATH binaries at exactly the pinned version but still fetches the Istio release", async () => {
    const paths = await publishTools(server, LINUX_AMD64);
    const bin = await makeTempDir("bin");
    await writeFakeTool(bin, "kind", "v0.22.0");
    await writeFakeTool(bin, "kubectl", "v1.23.17");
    await writeFakeTool(bin, "istioctl", "1.17.8");
    await writeFakeTool(bin, "helm", "v3.11.3");

    const result = await ensureTools(optionsFor(server.baseUrl, { pathEnv: bin }));

    expect(result).toEqual({
      kind: join(bin, "kind"),
      kubectl: join(bin, "kubectl"),
      istioctl: join(bin, "istioctl"),
      helm: join(bin, "helm"),
      istioDir: cached("istio-1.17.8"),
    });
    expect(server.requests).toContain(paths.istioctl);
    expect(server.requests.filter((path) => !path.startsWith("/istio/"))).toEqual([]);
  });

  it("ignores PATH binaries at another version and downloads the pinned one", async () => {
    const paths = await publishTools(server, LINUX_AMD64);
    const bin = await makeTempDir("bin");
    await writeFakeTool(bin, "kind", "v0.20.0");
    await writeFakeTool(bin, "helm", "v3.12.0");
    await writeFakeTool(bin, "kubectl", "v1.23.17");

    const result = await ensureTools(optionsFor(server.baseUrl, { pathEnv: bin }));

    expect(result.kind).toBe(cached("kind-v0.22.0", "kind"));
    expect(result.helm).toBe(cached("helm-v3.11.3", "helm"));
    expect(result.kubectl).toBe(join(bin, "kubectl"));
    expect(server.requests).toEqual(expect.arrayContaining([paths.kind, paths.helm]));
    expect(server.requests).not.toContain(paths.kubectl);
  });

  it("keeps looking along PATH for the pinned version", async () => {
    await publishTools(server, LINUX_AMD64);
    const old = await makeTempDir("old");
    const pinned = await makeTempDir("pinned");
    await writeFakeTool(old, "kind", "v0.20.0");
    await writeFakeTool(pinned, "kind", "v0.22.0");

    const result = await ensureTools(optionsFor(server.baseUrl, { pathEnv: `${old}:${pinned}` }));

    expect(result.kind).toBe(join(pinned, "kind"));
  });
});

describe("resolveToolPaths (Docker-only labs)", () => {
  it("names where the tools would be without downloading anything", async () => {
    const paths = await resolveToolPaths(optionsFor(server.baseUrl));
    expect(server.requests.length).toBe(0);
    expect(paths.kind).toBe(cached("kind-v0.22.0", "kind"));
    expect(paths.istioDir).toBe(cached("istio-1.17.8"));
    expect(await listFiles(cacheDir)).toEqual([]);
  });
});

describe("partial files of a killed run", () => {
  it("an old .part download and .extract folder are removed before the next download; a fresh one is left alone", async () => {
    const tools = join(cacheDir, "tools");
    await mkdir(join(tools, ".extract-old"), { recursive: true });
    await writeFile(join(tools, ".download-old.part"), "half");
    await writeFile(join(tools, ".download-new.part"), "in progress elsewhere");
    const hourAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await utimes(join(tools, ".download-old.part"), hourAgo, hourAgo);
    await utimes(join(tools, ".extract-old"), hourAgo, hourAgo);
    await publishTools(server, LINUX_AMD64);
    await ensureTools(optionsFor(server.baseUrl));
    const left = await readdir(tools);
    expect(left).not.toContain(".download-old.part");
    expect(left).not.toContain(".extract-old");
    expect(left).toContain(".download-new.part");
  });
});
