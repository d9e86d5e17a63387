import { toolDigestKey, type PinnedDigest } from "../../../../cluster/tools/tool-digests.js";
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { create } from "tar";
import type { HostPlatform } from "../../../../cluster/tools/host-platform.js";
import { TOOL_NAMES, toolArtifact, type BaseUrls, type ToolName } from "../../../../cluster/tools/tool-pins.js";
import type { FixtureServer } from "./fixture-server.js";

export const LINUX_AMD64: HostPlatform = { os: "linux", arch: "amd64" };

const tempDirs: string[] = [];

// A fresh temp folder, removed by removeTempDirs().
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `istio-lab-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

// Removes every folder made by makeTempDir (call from afterEach/afterAll).
export async function removeTempDirs(): Promise<void> {
  const dirs = tempDirs.splice(0);
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

// A shell script that answers the tool's version command the way the real tool does.
export function fakeToolScript(tool: ToolName, version: string): string {
  const outputs: Record<ToolName, string> = {
    kind: `kind ${version} go1.20.13 linux/amd64`,
    kubectl: JSON.stringify({ clientVersion: { major: "1", minor: "23", gitVersion: version, platform: "linux/amd64" } }, null, 2),
    istioctl: version,
    helm: version,
  };
  const newline = tool === "helm" ? "" : "\\n";
  return `#!/bin/sh\nprintf '%s${newline}' '${outputs[tool]}'\n`;
}

// Writes an executable fake tool into `dir`.
export async function writeFakeTool(dir: string, tool: ToolName, version: string): Promise<string> {
  const path = join(dir, tool);
  await mkdir(dir, { recursive: true });
  await writeFile(path, fakeToolScript(tool, version));
  await chmod(path, 0o755);
  return path;
}

// Packs `files` (relative path → content) into a tar.gz built with the tar package.
export async function buildTarGz(files: Record<string, string>, mode = 0o755): Promise<Buffer> {
  const work = await makeTempDir("archive");
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), content);
    await chmod(join(work, path), mode);
  }
  const archive = join(work, "out.tar.gz");
  const roots = (await readdir(work)).filter((name) => name !== "out.tar.gz");
  await create({ gzip: true, cwd: work, file: archive, portable: true }, roots);
  return readFile(archive);
}

// The downloads each tool publishes, for one host: body plus checksum file in that tool's own format.
type ToolDownloads = Record<ToolName, { body: Buffer; checksumLine: (hex: string) => string }>;
const builtDownloads = new Map<string, Promise<ToolDownloads>>();

// The fixture downloads of a host, built once (tar output carries times, so a second build differs byte-wise).
export function buildToolDownloads(host: HostPlatform): Promise<ToolDownloads> {
  const key = `${host.os}-${host.arch}`;
  let built = builtDownloads.get(key);
  if (built === undefined) {
    built = buildToolDownloadsOnce(host);
    builtDownloads.set(key, built);
  }
  return built;
}

async function buildToolDownloadsOnce(host: HostPlatform): Promise<ToolDownloads> {
  const plat = `${host.os}-${host.arch}`;
  const istio = await buildTarGz({
    "istio-1.17.8/bin/istioctl": fakeToolScript("istioctl", "1.17.8"),
    "istio-1.17.8/samples/addons/prometheus.yaml": "kind: Service\nmetadata: {name: prometheus}\n",
    "istio-1.17.8/samples/addons/grafana.yaml": "kind: Service\nmetadata: {name: grafana}\n",
    "istio-1.17.8/manifests/profiles/default.yaml": "spec: {}\n",
  });
  const helm = await buildTarGz({ [`${plat}/helm`]: fakeToolScript("helm", "v3.11.3"), [`${plat}/LICENSE`]: "Apache-2.0\n" });
  const fileOf = (tool: ToolName): string => basename(new URL(toolArtifact(tool, host).url).pathname);
  return {
    kind: { body: Buffer.from(fakeToolScript("kind", "v0.22.0")), checksumLine: (hex) => `${hex}  ${fileOf("kind")}\n` },
    kubectl: { body: Buffer.from(fakeToolScript("kubectl", "v1.23.17")), checksumLine: (hex) => hex },
    istioctl: { body: istio, checksumLine: (hex) => `${hex} ${fileOf("istioctl")}\n` },
    helm: { body: helm, checksumLine: (hex) => `${hex}  ${fileOf("helm")}\n` },
  };
}

// Base URLs that point each tool at its own folder of the fixture server.
export function fixtureBaseUrls(baseUrl: string): BaseUrls {
  return { kind: `${baseUrl}/kind`, kubectl: `${baseUrl}/kubectl`, istio: `${baseUrl}/istio`, helm: `${baseUrl}/helm` };
}

export function sha256Hex(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

// Serves the given tools (default: all) with correct checksums; returns the artifact URL path of each tool.
export async function publishTools(server: FixtureServer, host: HostPlatform, tools: readonly ToolName[] = TOOL_NAMES): Promise<Record<ToolName, string>> {
  const downloads = await buildToolDownloads(host);
  const paths = {} as Record<ToolName, string>;
  for (const tool of TOOL_NAMES) {
    const artifact = toolArtifact(tool, host, fixtureBaseUrls(server.baseUrl));
    paths[tool] = new URL(artifact.url).pathname;
    if (!tools.includes(tool)) continue;
    const download = downloads[tool];
    server.routes.set(paths[tool], { body: download.body });
    server.routes.set(new URL(artifact.checksumUrl).pathname, { body: download.checksumLine(sha256Hex(download.body)) });
  }
  return paths;
}

// Every file (not folder) under `dir`, relative, recursively; [] when the folder does not exist.
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

// The digest table for the fixture downloads (the real pins name the real artifacts, not these).
export async function fixtureDigests(host: HostPlatform): Promise<Record<string, PinnedDigest>> {
  const downloads = await buildToolDownloads(host);
  return Object.fromEntries(
    TOOL_NAMES.map((tool) => [toolDigestKey(tool, host), { sha256: sha256Hex(downloads[tool].body), sources: ["test fixture A", "test fixture B"] as const }]),
  );
}
