// The platform against a real kind cluster, through the built CLI: up, status, idempotent up, reset, down.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { compareSnapshots } from "../../platform/compare-snapshots.js";
import type { PlatformSnapshot } from "../../platform/snapshot-types.js";
import { takeSnapshot } from "../../platform/take-snapshot.js";
import { createKube } from "../../core/kube-client/create-kube.js";
import { cacheDir, projectRoot } from "../../core/paths.js";
import { DOCKER_SKIP_REASON } from "./docker-gate.js";

const CONTEXT = "kind-myk8s";

async function lab(...args: string[]) {
  const result = await execa("node", [join(projectRoot(), "dist", "scripts", "lab.js"), ...args], { cwd: projectRoot(), all: true, reject: false });
  return { exitCode: result.exitCode, output: String(result.all ?? "") };
}

function storedBaseline(): PlatformSnapshot {
  return JSON.parse(readFileSync(join(cacheDir(), "baseline-snapshot.json"), "utf8")) as PlatformSnapshot;
}

describe.skipIf(Boolean(DOCKER_SKIP_REASON))("platform on a real kind cluster", () => {
  it("down first, so up starts from nothing", async () => {
    const result = await lab("down", "--yes");
    expect(result.exitCode, result.output).toBe(0);
  });

  it("up from nothing reaches the baseline and records it", async () => {
    const result = await lab("up");
    expect(result.exitCode, result.output).toBe(0);
    const baseline = storedBaseline();
    expect(baseline.mesh?.outboundTrafficPolicy).toBe("ALLOW_ANY");
    expect(baseline.namespaces).toContainEqual({ name: "istioinaction", injection: "enabled" });
  });

  it("status shows every part ready and at baseline", async () => {
    const result = await lab("status");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain("istiod 1.17.8 ready");
    expect(result.output).toContain("http://127.0.0.1:30001/");
    expect(result.output).toContain("at baseline");
  });

  it("up again changes nothing", async () => {
    const started = Date.now();
    const result = await lab("up");
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/already at baseline/i);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it("reset removes a Gateway, an istio-system secret and REGISTRY_ONLY, back to an equal snapshot", async () => {
    const kube = await createKube(CONTEXT);
    const mesh = (await kube.get({ apiVersion: "v1", kind: "ConfigMap", name: "istio", namespace: "istio-system" }))?.["data"] as Record<string, string>;
    await kube.apply([
      {
        apiVersion: "networking.istio.io/v1beta1",
        kind: "Gateway",
        metadata: { name: "coolstore-gateway", namespace: "istioinaction" },
        spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["webapp.istioinaction.io"] }] },
      },
      { apiVersion: "v1", kind: "Secret", metadata: { name: "webapp-credential", namespace: "istio-system" }, type: "Opaque", stringData: { note: "e2e" } },
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio", namespace: "istio-system" }, data: { ...mesh, mesh: mesh["mesh"]!.replace("mode: ALLOW_ANY", "mode: REGISTRY_ONLY") } },
    ]);
    expect(compareSnapshots(storedBaseline(), await takeSnapshot(kube))).toEqual([
      "extra Gateway istioinaction/coolstore-gateway",
      "extra Secret istio-system/webapp-credential",
      "mesh outboundTrafficPolicy REGISTRY_ONLY, baseline ALLOW_ANY",
    ]);
    const result = await lab("reset");
    expect(result.exitCode, result.output).toBe(0);
    expect(compareSnapshots(storedBaseline(), await takeSnapshot(kube))).toEqual([]);
  });

  it("down then up builds the platform again", async () => {
    expect((await lab("down", "--yes")).exitCode).toBe(0);
    const result = await lab("up");
    expect(result.exitCode, result.output).toBe(0);
    expect(compareSnapshots(storedBaseline(), await takeSnapshot(await createKube(CONTEXT)))).toEqual([]);
  });
});
