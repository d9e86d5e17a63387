import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../core/paths.js";

// The built CLI, run as a user would (npm test builds it first).
const CLI = join(projectRoot(), "dist", "scripts", "lab.js");

function lab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return labWithEnv({}, ...args);
}

function labWithEnv(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const child = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "true", ...env }, timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const STACK_FRAME = /^\s+at .+\(.+:\d+:\d+\)$/m;

describe("the lab CLI as a process", () => {
  it("`list` shows every lab id with its chapter and title, and exits 0", () => {
    const { status, stdout } = lab("list");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^ch5-mirror\s+ch5\s+5\.4\s+Mirror traffic to v2/m);
    expect(stdout).toMatch(/^ch3-envoy\s+ch3\s+3\.3\s+Envoy on its own/m);
    expect(stdout).not.toContain("(planned)");
  });

  it("`list --json` prints every lab with the evidence its suites give it, and names what a real cluster alone proves", () => {
    const { status, stdout } = lab("list", "--json");
    expect(status).toBe(0);
    const listed = JSON.parse(stdout) as { levels: Record<string, string>; realCluster: string; labs: Array<{ id: string; evidence: string[] }> };
    expect(Object.keys(listed.levels)).toEqual(["plan", "schemas", "loopback", "istiod-config", "envoy-traffic", "cluster-twin"]);
    expect(listed.realCluster).toContain("test:e2e");
    expect(listed.labs).toHaveLength(26);
    expect(listed.labs.find((entry) => entry.id === "ch5-routing")?.evidence).toEqual(["plan", "schemas", "loopback", "istiod-config", "envoy-traffic", "cluster-twin"]);
    expect(listed.labs.find((entry) => entry.id === "ch5-canary")?.evidence).not.toContain("envoy-traffic");
  });

  it("an unknown lab exits 2 with 'unknown lab' and the nearest ids, without a stack trace", () => {
    const { status, stderr } = lab("no-such-lab");
    expect(status).toBe(2);
    expect(stderr).toMatch(/Unknown lab 'no-such-lab'/);
    expect(stderr).toMatch(/Did you mean: [a-z0-9-]+, [a-z0-9-]+, [a-z0-9-]+\?/);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("a Docker-only lab's plan runs its containers and leaves the cluster alone", () => {
    const { status, stdout } = lab("ch3-envoy", "--dry-run");
    expect(status).toBe(0);
    expect(stdout).toContain("docker run -d --name ch3-proxy");
    expect(stdout).toContain("The kind cluster is not used");
  });

  it("`doctor` without a Docker engine exits 3 naming Docker, without a stack trace", () => {
    const docker = spawnSync("docker", ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8" });
    if (docker.status === 0) return; // a machine with Docker: the failure path cannot be shown here
    const { status, stdout, stderr } = lab("doctor");
    expect(status).toBe(3);
    expect(stdout).toMatch(/✖ fail Docker engine/);
    expect(stdout).toMatch(/fix: (Start Docker|Install Docker)/);
    expect(stderr + stdout).not.toMatch(STACK_FRAME);
  });

  it("running a lab without a Docker engine exits 3 naming Docker before downloading anything", () => {
    const docker = spawnSync("docker", ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8" });
    if (docker.status === 0) return; // a machine with Docker: the failure path cannot be shown here
    const cache = mkdtempSync(join(tmpdir(), "istio-lab-cache-"));
    const { status, stderr } = labWithEnv({ XDG_CACHE_HOME: cache }, "ch5-mirror");
    expect(status).toBe(3);
    expect(stderr).toMatch(/kind needs a Docker engine/);
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(cache, "istio-lab", "tools"))).toBe(false);
  });

  it("--help answers for the whole command and for each verb", () => {
    const main = lab("--help");
    expect(main.status).toBe(0);
    for (const verb of ["list", "up", "down", "reset", "status", "doctor", "all", "--dry-run", "Exit codes"]) expect(main.stdout).toContain(verb);
    const reset = lab("reset", "--help");
    expect(reset.stdout).toMatch(/^Usage: npm run lab \[-- \] reset/);
    expect(lab("ch5-mirror", "--help").stdout).toContain("<lab-id>");
  });

  it("`all --shard 2/4 --dry-run` prints every shard's labs and minutes, then only shard 2's plans", () => {
    const { status, stdout } = lab("all", "--shard", "2/4", "--dry-run");
    expect(status).toBe(0);
    const shardLines = stdout.split("\n").filter((line) => line.startsWith("Shard "));
    expect(shardLines).toHaveLength(4);
    expect(shardLines[1]).toMatch(/^Shard 2\/4: \d+ labs, ~\d+ min of labs: /);
    const shardTwo = (shardLines[1] ?? "").split(": ").at(-1)?.split(", ") ?? [];
    const planned = stdout.split("\n").filter((line) => / — .+\(book .+, ~\d+ min/.test(line)).map((line) => line.split(" — ")[0]);
    expect(planned).toEqual(shardTwo);
    expect(lab("all", "--shard", "5/4", "--dry-run").status).toBe(2);
  });

  it("`--help`, `--dry-run` and `doctor` load only what they use: no labs for --help; no runner, cluster code, Kubernetes client or listr2", () => {
    const loaded = (...args: string[]): string[] => {
      const child = spawnSync(process.execPath, ["--require", join(projectRoot(), "test", "fixtures", "trace-modules.cjs"), CLI, ...args], { encoding: "utf8", env: { ...process.env, CI: "true" }, timeout: 60_000 });
      return child.stderr.split("\n").filter((line) => line.startsWith("loaded ")).map((line) => line.slice("loaded ".length));
    };
    const heavy = [/@kubernetes\/client-node/, /listr2/, /\/zx\//, /dist\/platform\//, /dist\/engine\/runner\/run-lab\.js/, /dist\/scripts\/commands\/lab-runtime\.js/];
    const dryRun = loaded("ch5-traffic-shifting", "--dry-run");
    expect(dryRun.some((url) => url.endsWith("dist/engine/plan/format-lab-plan.js"))).toBe(true);
    for (const pattern of [...heavy, /execa/, /dist\/engine\/probes\/node-probe\.js/, /dist\/engine\/certs\/cert-store\.js/, /^node:https$/]) expect(dryRun.filter((url) => pattern.test(url)), String(pattern)).toEqual([]);
    const allDryRun = loaded("all", "--shard", "1/4", "--dry-run");
    for (const pattern of heavy) expect(allDryRun.filter((url) => pattern.test(url)), String(pattern)).toEqual([]);
    expect(loaded("--help").filter((url) => /dist\/(labs|engine)\//.test(url))).toEqual([]);
    const doctor = loaded("doctor");
    expect(doctor.some((url) => url.endsWith("dist/cluster/doctor/run-doctor.js"))).toBe(true);
    for (const pattern of [...heavy, /dist\/engine\//]) expect(doctor.filter((url) => pattern.test(url)), String(pattern)).toEqual([]);
  });

  it("an unknown flag is a usage error (exit 2)", () => {
    const { status, stderr } = lab("list", "--colour");
    expect(status).toBe(2);
    expect(stderr).toContain("--colour");
  });

  it("no argument outside a terminal is a usage error that points to `list`", () => {
    const { status, stderr } = lab();
    expect(status).toBe(2);
    expect(stderr).toContain("npm run lab list");
  });

  it("destructive verbs refuse another context without --yes (exit 2, before touching anything)", () => {
    const { status, stderr } = lab("down", "--context", "prod-cluster");
    expect(status).toBe(2);
    expect(stderr).toContain("Refusing to run 'down' on context 'prod-cluster'");
  });

  it("on the machine's own older Node, `doctor` exits 3 with the version message before importing anything else", () => {
    const system = spawnSync("/usr/bin/env", ["node", "-p", "process.versions.node"], { encoding: "utf8", env: { PATH: "/usr/bin:/bin" } });
    const version = system.stdout.trim();
    if (system.status !== 0 || Number.parseInt(version, 10) >= 23 || /^22\.(19|[2-9]\d)/.test(version)) return; // no older Node here
    const child = spawnSync("/usr/bin/env", ["node", CLI, "doctor"], { encoding: "utf8", env: { PATH: "/usr/bin:/bin", CI: "true" } });
    expect(child.status).toBe(3);
    expect(child.stderr).toContain(`needs Node >= 22.19 (found v${version})`);
    expect(child.stderr).toContain("npm install --prefix");
    expect(child.stderr).not.toMatch(STACK_FRAME);
    expect(child.stderr).not.toContain("Unexpected error");
  });

  it("`--dry-run` prints a lab's plan with commands and checks, touching nothing", () => {
    const { status, stdout } = lab("ch5-mirror", "--dry-run");
    expect(status).toBe(0);
    expect(stdout).toContain("kubectl apply -n istioinaction -f labs/ch5-mirror/catalog-vs-mirror.yaml");
    expect(stdout).toContain("istioctl proxy-config routes");
    expect(stdout).toContain("curl");
  });
});
