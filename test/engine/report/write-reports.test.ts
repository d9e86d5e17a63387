import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStepExecutor } from "../../../engine/execute/create-step-executor.js";
import { readCommit } from "../../../engine/report/read-commit.js";
import type { RunSummary } from "../../../engine/report/summary.js";
import { runLab } from "../../../engine/runner/run-lab.js";
import { writeReports } from "../../../scripts/commands/lab-runtime.js";
import { captureOutput } from "../runner/helpers/capture.js";
import { startCatalogServer, type CatalogServer } from "../runner/helpers/catalog-server.js";
import { createTestContext } from "../runner/helpers/fake-edges.js";
import { failingLab, passingLab } from "../runner/helpers/fake-labs.js";

const SHA = "4bd2303c0ffee0ddba11deadbeef000011112222";

describe("--report from a real run", () => {
  let server: CatalogServer;
  beforeAll(async () => {
    server = await startCatalogServer();
  });
  afterAll(() => server.stop());

  it("writes junit.xml, summary.json (schema 2, commit, diagnostics files) and index.html rendered from that summary", async () => {
    const t = await createTestContext();
    server.version = "v1";
    t.kube.onExec = (command) => {
      if (command[0] === "set-version") server.version = command[1] as "v1" | "v2";
    };
    try {
      const options = { selfTest: false, fast: false, verbose: false, renderer: "test" as const, output: captureOutput().stream, reportDir: t.dir, workDir: t.dir };
      const deps = { ctx: t.ctx, executor: createStepExecutor() };
      const results = [await runLab(passingLab(server.port), deps, options), await runLab(failingLab(server.port), deps, options)];
      expect(results.map((result) => result.status)).toEqual(["passed", "failed"]);
      const out: string[] = [];
      await writeReports(results, t.dir, { out: (text) => void out.push(text), err: () => undefined, isTTY: false, env: { GITHUB_SHA: SHA } }, { shard: "1/3" });

      const summary = JSON.parse(await readFile(join(t.dir, "summary.json"), "utf8")) as RunSummary;
      expect(summary).toMatchObject({ schemaVersion: 2, run: { shard: "1/3", commit: SHA } });
      const failed = summary.labs.find((lab) => lab.labId === "fake-fail")!;
      expect(failed.diagnosticsFiles).toContain("diagnostics/fake-fail/README.txt");
      const check = failed.steps[1]!.checks[0]!;
      expect(check).toMatchObject({ kind: "http", status: "failed", details: { requests: 1, matched: 0 } });
      expect(check.attempts).toBeGreaterThan(1);

      const html = await readFile(join(t.dir, "index.html"), "utf8");
      expect(html.indexOf('data-lab="fake-fail"')).toBeLessThan(html.indexOf('data-lab="fake-pass"'));
      expect(html).toContain("answers 201 &amp; &lt;created&gt;");
      expect(html).toContain(`${check.attempts} polls`);
      expect(html).toContain('<a href="diagnostics/fake-fail/README.txt">');
      expect(html).toContain(`<code class="commit">${SHA}</code>`);
      expect(out.join("\n")).toContain(join(t.dir, "index.html"));
    } finally {
      t.ctx.probe.close();
      await rm(t.dir, { recursive: true, force: true });
    }
  });
});

describe("readCommit", () => {
  it("takes CI's commit variable first", async () => {
    expect(await readCommit({ GITHUB_SHA: SHA }, "/nonexistent")).toBe(SHA);
    expect(await readCommit({ GITHUB_SHA: "not-a-sha" }, "/nonexistent")).toBeUndefined();
  });

  it("reads HEAD from .git files: a branch in packed-refs, a worktree's .git file with commondir", async () => {
    const root = await mkdtemp(join(tmpdir(), "istio-lab-git-"));
    try {
      const common = join(root, "main", ".git");
      await mkdir(join(common, "worktrees", "wt"), { recursive: true });
      await writeFile(join(common, "HEAD"), "ref: refs/heads/main\n");
      await writeFile(join(common, "packed-refs"), `# pack-refs with: peeled\n${SHA} refs/heads/main\n`);
      expect(await readCommit({}, join(root, "main"))).toBe(SHA);

      const other = "a".repeat(40);
      await mkdir(join(common, "refs", "heads"), { recursive: true });
      await writeFile(join(common, "refs", "heads", "report"), `${other}\n`);
      await writeFile(join(common, "worktrees", "wt", "HEAD"), "ref: refs/heads/report\n");
      await writeFile(join(common, "worktrees", "wt", "commondir"), "../..\n");
      await mkdir(join(root, "wt"));
      await writeFile(join(root, "wt", ".git"), `gitdir: ${join(common, "worktrees", "wt")}\n`);
      expect(await readCommit({}, join(root, "wt"))).toBe(other);
      expect(await readCommit({}, join(root, "nothing"))).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
