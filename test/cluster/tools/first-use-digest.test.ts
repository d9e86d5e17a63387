import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LabError } from "../../../core/errors.js";
import { recordedFirstUseDigest } from "../../../cluster/tools/first-use-digest.js";
import { installTool } from "../../../cluster/tools/install-tool.js";
import { toolInstallDir } from "../../../cluster/tools/tool-cache.js";
import { toolArtifact } from "../../../cluster/tools/tool-pins.js";
import { startFixtureServer, type FixtureServer } from "./helpers/fixture-server.js";
import { LINUX_AMD64, buildToolDownloads, fixtureBaseUrls, listFiles, makeTempDir, publishTools, removeTempDirs, sha256Hex } from "./helpers/fixture-tools.js";

let server: FixtureServer;
let cacheDir: string;
let notices: string[];

beforeEach(async () => {
  server = await startFixtureServer();
  cacheDir = await makeTempDir("first-use");
  notices = [];
});

afterEach(async () => {
  await server.close();
  await removeTempDirs();
});

const istioctl = () => toolArtifact("istioctl", LINUX_AMD64, fixtureBaseUrls(server.baseUrl));
const pathOf = (url: string) => new URL(url).pathname;
const install = (policy?: "strict") => installTool(istioctl(), { cacheDir, digests: {}, onNotice: (line) => notices.push(line), ...(policy ? { policy } : {}) });

async function failure(promise: Promise<unknown>): Promise<LabError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(LabError);
  return error as LabError;
}

describe("an artifact this repository does not pin (Istio 1.17.8's archives)", () => {
  it("first use, no variable: verified against the SHA-256 the publisher serves beside it, recorded, said in one line", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    const archive = (await buildToolDownloads(LINUX_AMD64)).istioctl.body;
    await install();
    expect(server.requests).toEqual([pathOf(istioctl().checksumUrl), pathOf(istioctl().url)]);
    expect(await recordedFirstUseDigest(cacheDir, istioctl().url)).toBe(sha256Hex(archive));
    expect(notices).toEqual(["istioctl 1.17.8 (linux/amd64): verified against the SHA-256 Istio publishes with the release; not pinned in this repository (recorded now for later downloads)."]);
  });

  it("a later download is checked against the digest recorded on first use", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    await install();
    await rm(toolInstallDir(cacheDir, "istioctl"), { recursive: true });
    notices = [];
    await install();
    expect(notices).toEqual([expect.stringContaining("(the digest recorded on first use)")]);
  });

  it("a changed upstream digest is refused, and the archive is not downloaded", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    await install();
    await rm(toolInstallDir(cacheDir, "istioctl"), { recursive: true });
    server.routes.set(pathOf(istioctl().url), { body: "a replaced archive" });
    server.routes.set(pathOf(istioctl().checksumUrl), { body: `${sha256Hex("a replaced archive")} istio-1.17.8-linux-amd64.tar.gz\n` });
    server.requests.length = 0;
    const error = await failure(install());
    expect(error.message).toMatch(/SHA-256 published for .*istio-1\.17\.8-linux-amd64\.tar\.gz changed/);
    expect(error.hint).toContain("first-use-digests.json");
    expect(server.requests).toEqual([pathOf(istioctl().checksumUrl)]);
  });

  it("an archive that does not match its published digest is refused and nothing is recorded", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    server.routes.set(pathOf(istioctl().checksumUrl), { body: `${"0".repeat(64)} istio.tar.gz\n` });
    const error = await failure(install());
    expect(error.message).toContain(`expected ${"0".repeat(64)}`);
    expect(await recordedFirstUseDigest(cacheDir, istioctl().url)).toBeUndefined();
    expect(await listFiles(toolInstallDir(cacheDir, "istioctl"))).toEqual([]);
  });

  it("--strict-pins refuses it before any request", async () => {
    await publishTools(server, LINUX_AMD64, ["istioctl"]);
    const error = await failure(install("strict"));
    expect(error.message).toContain("is not pinned in this repository, and --strict-pins refuses anything that is not");
    expect(server.requests).toEqual([]);
  });
});
