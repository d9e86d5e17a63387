// The Docker-only labs (ch3) and the runtime around them: they never bring the cluster up or reset it, their
// containers publish host ports clear of kind's 30000-30007, they mount files that exist, and they clean up
// after themselves. Plus, for every lab, each apply action's file loads into the namespace it is applied to.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Kube } from "../../core/kube.js";
import { projectRoot } from "../../core/paths.js";
import { loadManifest } from "../../engine/execute/actions/load-manifest.js";
import type { Action } from "../../engine/lab-types.js";
import { LABS } from "../../labs/registry.js";
import type { CliIo } from "../../scripts/cli/io.js";
import { deferredKube } from "../../platform/lazy-kube.js";
import { needsCluster, prepareCluster } from "../../scripts/commands/lab-runtime.js";
import type { Session } from "../../scripts/commands/session.js";
import { FakeKube } from "../fakes/fake-kube.js";

const dockerLabs = LABS.filter((lab) => !needsCluster(lab));
const allActions = (id: string): Action[] => {
  const lab = LABS.find((candidate) => candidate.id === id)!;
  return [...lab.steps({ fast: false }).flatMap((step) => step.actions), ...(lab.cleanup ?? [])];
};
const dockerArgs = (id: string): string[][] => allActions(id).flatMap((action) => (action.kind === "docker" ? [action.args] : []));
const flagValues = (args: readonly string[], flag: string): string[] => args.flatMap((arg, index) => (arg === flag && args[index + 1] !== undefined ? [args[index + 1]!] : []));

// A session that fails the test if anything of it is used (prepareCluster must not touch the cluster).
function untouchableSession(): Session {
  return new Proxy({} as Session, {
    get: (_target, property) => {
      throw new Error(`the session's ${String(property)} was used`);
    },
  });
}

describe("Docker-only labs", () => {
  it("are exactly the two ch3 labs, and they need Docker", () => {
    expect(dockerLabs.map((lab) => lab.id)).toEqual(["ch3-envoy", "ch3-envoy-retries"]);
    for (const lab of dockerLabs) expect(lab.requires).toEqual(["docker"]);
  });

  it("prepareCluster leaves the cluster alone for them (no up, no reset) and says so", async () => {
    const lines: string[] = [];
    const io: CliIo = { out: (text) => lines.push(text), err: (text) => lines.push(text), isTTY: false, env: {} };
    await prepareCluster(untouchableSession(), io, dockerLabs);
    expect(lines).toEqual(["Docker-only lab: the kind cluster is neither brought up nor reset."]);
    await expect(prepareCluster(untouchableSession(), io, [dockerLabs[0]!, LABS.find(needsCluster)!])).rejects.toThrow(/the session's \w+ was used/);
  });

  it("deferredKube connects only when first used", async () => {
    let created = 0;
    const real = new FakeKube();
    real.put({ apiVersion: "v1", kind: "Namespace", metadata: { name: "istioinaction" } });
    const kube: Kube = deferredKube("kind-myk8s", async () => {
      created += 1;
      return real;
    });
    expect(kube.context).toBe("kind-myk8s");
    expect(created).toBe(0);
    expect(await kube.get({ apiVersion: "v1", kind: "Namespace", name: "istioinaction" })).toBeDefined();
    expect(created).toBe(1);
    const missing = deferredKube("kind-myk8s", () => Promise.reject(new Error("There is no context kind-myk8s in your kubeconfig.")));
    await expect(missing.list({ apiVersion: "v1", kind: "Pod" })).rejects.toThrow(/no context/);
  });

  it.each(dockerLabs.map((lab) => [lab.id] as const))("%s publishes only 127.0.0.1 ports outside 30000-30007", (id) => {
    const published = dockerArgs(id).flatMap((args) => flagValues(args, "-p"));
    expect(published.length).toBeGreaterThan(0);
    for (const mapping of published) {
      const [address, hostPort] = mapping.split(":");
      expect(address, mapping).toBe("127.0.0.1");
      const port = Number(hostPort);
      expect(port < 30000 || port > 30007, mapping).toBe(true);
    }
  });

  it.each(dockerLabs.map((lab) => [lab.id] as const))("%s mounts lab files that exist, read-only", (id) => {
    const mounts = dockerArgs(id).flatMap((args) => flagValues(args, "-v"));
    expect(mounts.length).toBeGreaterThan(0);
    for (const mount of mounts) {
      const [source, , mode] = mount.split(":");
      expect(source, mount).toMatch(/^\{projectRoot\}\/labs\//);
      expect(existsSync(join(projectRoot(), source!.replace("{projectRoot}/", ""))), mount).toBe(true);
      expect(mode).toBe("ro");
    }
  });

  it.each(dockerLabs.map((lab) => [lab.id, lab] as const))("%s removes its containers and network at cleanup, absent ones being fine", (_id, lab) => {
    const cleanup = lab.cleanup ?? [];
    const started = dockerArgs(lab.id).filter((args) => args[0] === "run").flatMap((args) => flagValues(args, "--name"));
    const removed = cleanup.flatMap((action) => (action.kind === "docker" && action.args[0] === "rm" ? action.args.slice(2) : []));
    expect(new Set(removed)).toEqual(new Set(started));
    expect(cleanup.some((action) => action.kind === "docker" && action.args.join(" ") === "network rm envoymesh")).toBe(true);
    for (const action of cleanup) expect(action.kind === "docker" && action.ignoreFailure).toBe(true);
  });
});

describe("every lab's apply actions", () => {
  const applies = LABS.flatMap((lab) =>
    [...lab.steps({ fast: false }).flatMap((step) => step.actions), ...(lab.cleanup ?? [])].flatMap((action) =>
      action.kind === "apply" ? [[`${lab.id}: ${action.file}${action.namespace ? ` -n ${action.namespace}` : ""}`, action] as const] : [],
    ),
  );

  it.each(applies)("%s loads into its namespace", async (_name, action) => {
    const objects = await loadManifest(projectRoot(), action.file, action.namespace);
    expect(objects.length).toBeGreaterThan(0);
  });
});
