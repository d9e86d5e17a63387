// The CLI as a process against stand-in API servers on 127.0.0.1 (one per kube context, every request recorded)
// and tool shims on PATH, with its own cache folder: what a user's machine looks like, minus Docker.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../../../core/paths.js";
import { sendJson, startFakeApiServer, type FakeApiServer, type RecordedRequest, type Route } from "../../../core/kube/fake-api-server.js";
import { createToolShims, type ToolShims } from "./tool-shims.js";

export const CLI = join(projectRoot(), "dist", "scripts", "lab.js");

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliWorld {
  dir: string;
  cacheHome: string;
  /** `<cacheHome>/istio-lab`: baseline files, locks, tools. */
  workDir: string;
  shims: ToolShims;
  /** One stand-in API server per context. */
  servers: Record<string, FakeApiServer>;
  /** kube-system uid each server answers. */
  uids: Record<string, string>;
  env: Record<string, string>;
  run(args: string[], options?: { env?: Record<string, string>; onSpawn?: (child: ReturnType<typeof spawn>) => void; timeoutMs?: number }): Promise<CliRun>;
  close(): Promise<void>;
}

/** Requests that change something: anything but GET. */
export function changingRequests(server: FakeApiServer): RecordedRequest[] {
  return server.requests.filter((r) => r.method !== "GET");
}

// A cluster's namespaces; DELETE removes one (recorded), kube-system carries the cluster's uid.
function clusterRoutes(uid: string, extra: Route[]): Route[] {
  const namespaces = ["default", "kube-system", "istio-system", "payments"];
  const ns = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, ...(name === "kube-system" ? { uid } : {}) } });
  return [
    ...extra,
    (req, res) => req.method === "GET" && req.path === "/api/v1/namespaces" && sendJson(res, 200, { kind: "NamespaceList", apiVersion: "v1", metadata: {}, items: namespaces.map(ns) }),
    (req, res) => {
      const name = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(req.path)?.[1];
      if (name === undefined || !namespaces.includes(name)) return false;
      if (req.method === "DELETE") namespaces.splice(namespaces.indexOf(name), 1);
      return sendJson(res, 200, req.method === "DELETE" ? { kind: "Status", status: "Success" } : ns(name));
    },
  ];
}

// Builds the world: servers for kind-myk8s, kind-foo and prod, a kubeconfig whose current-context is prod
// (the dangerous default), shims and a fresh cache.
export async function createCliWorld(extraRoutes: Partial<Record<string, Route[]>> = {}): Promise<CliWorld> {
  const dir = mkdtempSync(join(tmpdir(), "istio-lab-world-"));
  const cacheHome = join(dir, "cache");
  const shims = createToolShims(dir, cacheHome);
  const uids: Record<string, string> = { "kind-myk8s": "uid-of-myk8s", "kind-foo": "uid-of-foo", prod: "uid-of-prod" };
  const servers: Record<string, FakeApiServer> = {};
  for (const [context, uid] of Object.entries(uids)) servers[context] = await startFakeApiServer(clusterRoutes(uid, extraRoutes[context] ?? []));
  const kubeconfig = join(dir, "kubeconfig");
  const contexts = Object.keys(uids);
  writeFileSync(
    kubeconfig,
    [
      "apiVersion: v1",
      "kind: Config",
      "current-context: prod",
      "clusters:",
      ...contexts.map((c) => `- name: ${c}\n  cluster: {server: "${servers[c]!.url}", insecure-skip-tls-verify: true}`),
      "contexts:",
      ...contexts.map((c) => `- name: ${c}\n  context: {cluster: ${c}, user: lab}`),
      "users:",
      "- name: lab",
      "  user: {token: test-token}",
      "",
    ].join("\n"),
  );
  const env = { SHIM_DIR: dir, PATH: `${shims.binDir}:${process.env["PATH"] ?? ""}`, KUBECONFIG: kubeconfig, XDG_CACHE_HOME: cacheHome, CI: "true", HOME: dir };
  return {
    dir,
    cacheHome,
    workDir: join(cacheHome, "istio-lab"),
    shims,
    servers,
    uids,
    env,
    run: (args, options = {}) => runCli(args, { ...env, ...options.env }, options.onSpawn, options.timeoutMs),
    close: async () => {
      await Promise.all(Object.values(servers).map((s) => s.close()));
    },
  };
}

// Runs the built CLI without blocking this process (the stand-in servers live here).
export function runCli(args: string[], env: Record<string, string>, onSpawn?: (child: ReturnType<typeof spawn>) => void, timeoutMs = 60_000): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    onSpawn?.(child);
  });
}
