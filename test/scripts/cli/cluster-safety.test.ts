// Issue 8: the CLI never changes a cluster it was not clearly pointed at. Each case runs the built CLI as a
// process against stand-in API servers (one per context, every request recorded) and tool shims on PATH.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson } from "../../core/kube/fake-api-server.js";
import { changingRequests, createCliWorld, type CliWorld } from "./helpers/cli-world.js";
import { changingCommands } from "./helpers/tool-shims.js";

let world: CliWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

// A baseline file as `up` writes it, taken on the cluster with `clusterId` through `context`.
function writeBaselineFile(path: string, clusterId: string, context: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  const namespaces = ["default", "istio-system", "kube-system"].map((name) => ({ name, injection: null }));
  writeFileSync(path, JSON.stringify({ clusterId, context, takenAt: "2026-01-01T00:00:00.000Z", namespaces, objects: [], mesh: null, istiodEnv: [] }));
}

function allRequests(w: CliWorld): number {
  return Object.values(w.servers).reduce((sum, s) => sum + s.requests.length, 0);
}

describe("another context without --yes: refused before anything happens", () => {
  for (const argv of [
    ["reset", "--context", "prod"],
    ["ch5-mirror", "--context", "prod"],
    ["all", "--context", "prod", "--only", "ch5-mirror"],
    ["up", "--context", "prod"],
    ["up", "--context", "kind-foo"],
    ["down", "--context", "kind-foo"],
  ]) {
    it(`\`${argv.join(" ")}\` exits 2, sends no request and runs no tool`, async () => {
      world = await createCliWorld();
      const run = await world.run(argv);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/Refusing to run '[a-z0-9-]+' on context '(prod|kind-foo)'/);
      expect(run.stderr).toContain("--yes");
      expect(allRequests(world)).toBe(0);
      expect(world.shims.commands()).toEqual([]);
    });
  }
});

describe("reset and the baseline's owner", () => {
  it("`reset --context prod --yes` with only kind-myk8s's baseline deletes nothing and installs nothing", async () => {
    world = await createCliWorld();
    writeBaselineFile(join(world.workDir, "baseline-snapshot.json"), world.uids["kind-myk8s"]!, "kind-myk8s");
    const run = await world.run(["reset", "--context", "prod", "--yes"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("No baseline snapshot");
    expect(changingRequests(world.servers["prod"]!)).toEqual([]);
    expect(changingCommands(world.shims.commands())).toEqual([]);
  });

  it("a baseline taken on another cluster (other kube-system uid) is refused before any DELETE", async () => {
    world = await createCliWorld();
    writeBaselineFile(join(world.workDir, "baseline-snapshot.prod.json"), world.uids["kind-myk8s"]!, "prod");
    const run = await world.run(["reset", "--context", "prod", "--yes"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("was taken on another cluster");
    expect(run.stderr).toContain("uid-of-prod");
    expect(changingRequests(world.servers["prod"]!)).toEqual([]);
    expect(changingCommands(world.shims.commands())).toEqual([]);
  });

  it("a baseline recorded through another context is refused even when the uid matches", async () => {
    world = await createCliWorld();
    writeBaselineFile(join(world.workDir, "baseline-snapshot.json"), world.uids["kind-myk8s"]!, "prod");
    const run = await world.run(["reset"]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("context 'prod'");
    expect(changingRequests(world.servers["kind-myk8s"]!)).toEqual([]);
  });

  it("its own baseline: reset deletes the extra namespace on kind-myk8s and nowhere else (the control case)", { timeout: 60_000 }, async () => {
    world = await createCliWorld();
    writeBaselineFile(join(world.workDir, "baseline-snapshot.json"), world.uids["kind-myk8s"]!, "kind-myk8s");
    await world.run(["reset"], { timeoutMs: 40_000 });
    const deletes = changingRequests(world.servers["kind-myk8s"]!).filter((r) => r.method === "DELETE");
    expect(deletes.map((r) => r.path)).toContain("/api/v1/namespaces/payments");
    expect(changingRequests(world.servers["prod"]!)).toEqual([]);
  });
});

describe("kind verbs act only on the kind cluster behind the context", () => {
  it("`down --context prod --yes` refuses: prod is not a kind cluster, and kind is never asked to delete", async () => {
    world = await createCliWorld();
    const run = await world.run(["down", "--context", "prod", "--yes"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not a kind cluster");
    expect(world.shims.commands().filter((c) => c.startsWith("kind delete"))).toEqual([]);
  });

  it("`down --context kind-foo --yes` deletes kind cluster foo, never myk8s", async () => {
    world = await createCliWorld();
    world.shims.setKindClusters(["myk8s", "foo"]);
    const run = await world.run(["down", "--context", "kind-foo", "--yes"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Deleted the kind cluster 'foo'");
    expect(world.shims.commands().filter((c) => c.startsWith("kind delete"))).toEqual(["kind delete cluster --name foo"]);
    expect(world.shims.commands().join("\n")).not.toContain("myk8s");
  });

  it("`up --context foo --yes` refuses instead of creating myk8s and installing into foo", async () => {
    world = await createCliWorld();
    const run = await world.run(["up", "--context", "foo", "--yes"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("not a kind cluster");
    expect(changingCommands(world.shims.commands())).toEqual([]);
    expect(allRequests(world)).toBe(0);
  });
});

describe("one run at a time per cluster", () => {
  it("two resets started together serialise: the second waits, naming the first's PID", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let answered = 0;
    world = await createCliWorld({
      "kind-myk8s": [
        (req, res) => {
          if (req.path !== "/api/v1/namespaces/kube-system") return false;
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          setTimeout(() => {
            inFlight -= 1;
            answered += 1;
            sendJson(res, 200, { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system", uid: "a-recreated-cluster" } });
          }, 1500);
          return true;
        },
      ],
    });
    writeBaselineFile(join(world.workDir, "baseline-snapshot.json"), world.uids["kind-myk8s"]!, "kind-myk8s");
    const [first, second] = await Promise.all([world.run(["reset"]), world.run(["reset"])]);
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(maxInFlight).toBe(1);
    expect(first.stderr + second.stderr).toMatch(/Waiting for PID \d+ \(`reset --context kind-myk8s`/);
  });

  it("a lock left by a process that died is taken over", async () => {
    world = await createCliWorld();
    mkdirSync(join(world.workDir, "locks"), { recursive: true });
    writeFileSync(join(world.workDir, "locks", "kind-myk8s.lock"), JSON.stringify({ pid: 2 ** 22 + 12345, command: "reset --context kind-myk8s", since: "yesterday" }));
    const run = await world.run(["reset"], { timeoutMs: 30_000 });
    expect(run.stderr).not.toContain("Waiting for PID");
    expect(run.stderr).toContain("No baseline snapshot");
  });
});
