import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";
import { generateCa, generateLeaf } from "../../../engine/certs/cert-generate.js";
import { startFixtureServer, type FixtureServer } from "./helpers/fixture-server.js";
import { LINUX_AMD64, fixtureBaseUrls, fixtureDigests, makeTempDir, publishTools, removeTempDirs } from "./helpers/fixture-tools.js";

const run = promisify(execFile);
let server: FixtureServer;
let caFile: string;

// The CLI's own tool path (dist/, as `npm run lab` runs it) in a child process that trusts the stand-in's CA.
const CHILD = `
const { ensureTools } = await import(process.env.DIST + "/cluster/tools/ensure-tools.js");
const { createExec } = await import(process.env.DIST + "/core/exec.js");
const notices = [];
const paths = await ensureTools({ exec: createExec(), cacheDir: process.env.CACHE, host: { os: "linux", arch: "amd64" },
  baseUrls: JSON.parse(process.env.BASE_URLS), pathEnv: "", digests: JSON.parse(process.env.DIGESTS), onNotice: (line) => notices.push(line) });
console.log(JSON.stringify({ istioctl: paths.istioctl, notices }));
`;

beforeAll(async () => {
  const ca = await generateCa("first-use-test-ca");
  const leaf = await generateLeaf(ca, "localhost", "server");
  server = await startFixtureServer(leaf);
  const dir = await makeTempDir("https-ca");
  caFile = join(dir, "ca.crt");
  await writeFile(caFile, ca.certPem);
});

afterAll(async () => {
  await server.close();
  await removeTempDirs();
});

describe("a fresh cache, no environment variable, over HTTPS", () => {
  it("the tools `up` needs are installed past Istio's unpinned archive, verified against its published digest", async () => {
    await publishTools(server, LINUX_AMD64);
    const { [`istioctl linux/amd64`]: _istio, ...pinnedOthers } = await fixtureDigests(LINUX_AMD64);
    const cache = await makeTempDir("https-cache");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: caFile, DIST: join(projectRoot(), "dist"), CACHE: cache, BASE_URLS: JSON.stringify(fixtureBaseUrls(server.baseUrl)), DIGESTS: JSON.stringify(pinnedOthers) };
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", CHILD], { env });
    const result = JSON.parse(stdout) as { istioctl: string; notices: string[] };
    expect(result.istioctl).toBe(join(cache, "tools", "istio-1.17.8", "bin", "istioctl"));
    expect(result.notices).toEqual(["istioctl 1.17.8 (linux/amd64): verified against the SHA-256 Istio publishes with the release; not pinned in this repository (recorded now for later downloads)."]);
    expect(server.requests).toContain("/istio/1.17.8/istio-1.17.8-linux-amd64.tar.gz.sha256");
  });
});
