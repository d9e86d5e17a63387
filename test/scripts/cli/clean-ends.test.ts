// Issue 8 (8-10): every early end is a plain message, the right exit code and, when asked for, a report.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCliWorld, runCli, type CliWorld } from "./helpers/cli-world.js";

let world: CliWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const NOT_A_BUG = /probably a bug|Unexpected error/;

function readReport(dir: string): { junit: string; summary: string } {
  return { junit: readFileSync(join(dir, "junit.xml"), "utf8"), summary: readFileSync(join(dir, "summary.json"), "utf8") };
}

// Resolves once the shims' command log has a line starting with `prefix`.
async function waitForCommand(w: CliWorld, prefix: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (w.shims.commands().some((c) => c.startsWith(prefix))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the CLI never ran '${prefix}'`);
}

describe("usage errors come first (exit 2, nothing run)", () => {
  it("--step without a terminal", async () => {
    world = await createCliWorld();
    const run = await world.run(["ch5-mirror", "--step"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--step needs a terminal");
    expect(world.shims.commands()).toEqual([]);
  });

  it("--report naming a file, or a folder that cannot be made", async () => {
    world = await createCliWorld();
    const file = join(world.dir, "a-file");
    writeFileSync(file, "");
    for (const report of [file, join(file, "sub")]) {
      const run = await world.run(["all", "--report", report]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`--report ${report}`);
      expect(run.stderr).not.toMatch(NOT_A_BUG);
    }
    expect(world.shims.commands()).toEqual([]);
  });

  it("help for an unknown target is an error, and looks up own keys only", async () => {
    for (const target of ["nosuch", "constructor", "__proto__", "toString"]) {
      const run = await runCli([target, "--help"], { CI: "true" });
      expect(run.status, target).toBe(2);
      expect(run.stdout + run.stderr).not.toContain("function");
    }
  });
});

describe("early ends still write the report", () => {
  it("`all --report DIR` without a Docker engine exits 3 and writes JUnit + JSON saying why", async () => {
    world = await createCliWorld();
    world.shims.down("docker");
    const dir = join(mkdtempSync(join(tmpdir(), "istio-lab-report-")), "nightly");
    const run = await world.run(["all", "--only", "ch5-mirror,ch3-envoy", "--report", dir]);
    expect(run.status).toBe(3);
    const { junit, summary } = readReport(dir);
    expect(junit).toContain('<testsuite name="ch5-mirror"');
    expect(junit).toContain('<testsuite name="ch3-envoy"');
    expect(junit).toContain("kind needs a Docker engine");
    expect(JSON.parse(summary)).toBeTruthy();
    expect(summary).toContain("ch5-mirror");
  });

  it("SIGTERM while `kind` hangs: the lab run stops, writes its report and exits 143 with a plain message", { timeout: 60_000 }, async () => {
    world = await createCliWorld();
    world.shims.hang("kind", "get");
    const dir = join(world.dir, "report");
    const w = world;
    const run = await world.run(["ch5-mirror", "--report", dir], {
      onSpawn: (child) => {
        void waitForCommand(w, "kind get clusters").then(() => child.kill("SIGTERM"));
      },
    });
    expect(run.status).toBe(143);
    expect(run.stderr).toContain("Stopped by SIGTERM");
    expect(run.stderr).toContain("Nothing on kind-myk8s was changed");
    expect(run.stderr).not.toMatch(NOT_A_BUG);
    expect(readReport(dir).junit).toContain("Stopped by SIGTERM");
    expect(existsSync(join(world.workDir, "locks", "kind-myk8s.lock"))).toBe(false);
  });

  it("Ctrl-C while `kind` hangs during `up`: exit 130, no 'bug' message", { timeout: 60_000 }, async () => {
    world = await createCliWorld();
    world.shims.hang("kind", "get");
    const w = world;
    const started = Date.now();
    const run = await world.run(["up"], {
      onSpawn: (child) => {
        void waitForCommand(w, "kind get clusters").then(() => child.kill("SIGINT"));
      },
    });
    expect(run.status).toBe(130);
    expect(run.stderr).toContain("Stopped by Ctrl-C");
    expect(run.stderr).not.toMatch(NOT_A_BUG);
    expect(Date.now() - started).toBeLessThan(25_000);
  });
});

describe("a tampered tool cache", () => {
  it("`status` says a cached kind changed since it was verified instead of calling it cached", async () => {
    world = await createCliWorld();
    rmSync(join(world.shims.binDir, "kind"));
    const installDir = join(world.workDir, "tools", "kind-v0.22.0");
    mkdirSync(installDir, { recursive: true });
    const genuine = "#!/bin/sh\necho 'kind v0.22.0 go1.20.13 linux/amd64'\n";
    writeFileSync(join(installDir, "kind"), "#!/bin/sh\necho 'kind v0.22.0 go1.20.13 linux/amd64'\n# and something else\n", { mode: 0o755 });
    const recorded = createHash("sha256").update(genuine).digest("hex");
    writeFileSync(join(installDir, ".verified.json"), JSON.stringify({ url: "https://kind.sigs.k8s.io/dl/v0.22.0/kind-linux-amd64", downloadSha256: recorded, binarySha256: recorded }));
    const run = await world.run(["status"]);
    expect(run.stdout).toContain("kind v0.22.0: not installed");
    expect(run.stdout).toContain(`changed since it was verified`);
    expect(run.stdout).toContain(`verified ${recorded}`);
    expect(run.stdout).not.toMatch(/kind v0\.22\.0: cached/);
  });
});
