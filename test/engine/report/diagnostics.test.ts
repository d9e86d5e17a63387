import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../../../core/kube.js";
import { collectDiagnostics } from "../../../engine/diagnostics/collect-diagnostics.js";
import { formatEvents } from "../../../engine/diagnostics/event-list.js";
import { formatPodTable } from "../../../engine/diagnostics/pod-table.js";
import type { LabDefinition } from "../../../engine/lab-types.js";
import { createTestContext, type TestContext } from "../runner/helpers/fake-edges.js";

function pod(name: string, app: string, extra: { waiting?: string; ready?: boolean; restarts?: number } = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "istioinaction", labels: { app } },
    spec: { containers: [{ name: app, image: `istioinaction/${app}:latest` }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.17.8" }] },
    status: {
      phase: "Running",
      containerStatuses: [
        { name: app, ready: extra.ready ?? true, restartCount: extra.restarts ?? 0, state: extra.waiting ? { waiting: { reason: extra.waiting } } : { running: {} } },
        { name: "istio-proxy", ready: true, restartCount: 1, state: { running: {} } },
      ],
    },
  };
}

function event(reason: string, at: string, message: string): KubeObject {
  return { apiVersion: "v1", kind: "Event", metadata: { name: reason, namespace: "istioinaction" }, type: "Warning", reason, message, lastTimestamp: at, involvedObject: { kind: "Pod", name: "catalog-1" } };
}

function deployment(name: string, namespace: string): KubeObject {
  return { apiVersion: "apps/v1", kind: "Deployment", metadata: { name, namespace }, spec: { selector: { matchLabels: { app: name } } } };
}

const lab: LabDefinition = {
  id: "ch5-canary",
  chapter: 5,
  title: "Canary with Flagger",
  section: "5.3",
  proves: "x",
  duration: "~6 min",
  requires: ["cluster", "flagger"],
  namespaces: ["istioinaction"],
  workloads: [
    { namespace: "istioinaction", deployment: "catalog" },
    { namespace: "istioinaction", deployment: "webapp" },
  ],
  steps: () => [],
};

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
  for (const object of [pod("webapp-1", "webapp"), pod("catalog-1", "catalog", { waiting: "CrashLoopBackOff", ready: false, restarts: 4 })]) t.kube.put(object);
  for (const object of [event("BackOff", "2024-05-01T10:02:00Z", "Back-off restarting\n failed container"), event("Pulled", "2024-05-01T10:00:00Z", "pulled image")]) t.kube.put(object);
  for (const object of [deployment("catalog", "istioinaction"), deployment("webapp", "istioinaction")]) t.kube.put(object);
  for (const object of [deployment("flagger", "istio-system")]) t.kube.put(object);
  for (const object of [{ apiVersion: "v1", kind: "Pod", metadata: { name: "flagger-1", namespace: "istio-system", labels: { app: "flagger" } }, spec: { containers: [{ name: "flagger" }] } }]) t.kube.put(object);
  t.exec.answers.set("istioctl proxy-status", "NAME CLUSTER CDS LDS\nwebapp-1.istioinaction Kubernetes SYNCED SYNCED\n");
  t.exec.answers.set("istioctl proxy-config routes deploy/webapp", new Error("Error: failed to get config dump: connection refused"));
  t.exec.answers.set("istioctl proxy-config routes", '[{"name":"80"}]');
});
afterEach(async () => {
  t.ctx.probe.close();
  await rm(t.dir, { recursive: true, force: true });
});

describe("diagnostics bundle", () => {
  it("writes pods, events, proxy status, Envoy config and logs; a failing collector leaves an error file", async () => {
    const dir = await collectDiagnostics(lab, t.ctx, t.dir, { failure: { step: "Promote", message: "check failed: phase", expected: "Succeeded", seen: "Failed", command: "kubectl get canary" } });
    expect(dir).toBe(join(t.dir, "diagnostics", "ch5-canary"));
    const files = readdirSync(dir).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        "README.txt",
        "pods-istioinaction.txt",
        "events-istioinaction.txt",
        "proxy-status.txt",
        "routes-istioinaction-catalog.json",
        "routes-istioinaction-webapp.error.txt",
        "clusters-istioinaction-webapp.json",
        "routes-istio-system-istio-ingressgateway.json",
        "logs-istioinaction-catalog.catalog-1.catalog.log",
        "logs-istioinaction-catalog.catalog-1.istio-proxy.log",
        "logs-istioinaction-webapp.webapp-1.webapp.log",
        "flagger.flagger-1.flagger.log",
      ]),
    );
    const read = (name: string) => readFileSync(join(dir, name), "utf8");
    expect(read("routes-istioinaction-webapp.error.txt")).toContain("connection refused");
    expect(read("routes-istioinaction-catalog.json")).toBe('[{"name":"80"}]');
    expect(read("proxy-status.txt")).toContain("SYNCED");
    expect(read("logs-istioinaction-catalog.catalog-1.istio-proxy.log")).toContain("tail=100");
    expect(read("flagger.flagger-1.flagger.log")).toContain("istio-system/flagger-1/flagger");
    expect(read("pods-istioinaction.txt")).toContain("CrashLoopBackOff");
    expect(read("README.txt")).toContain("Failed step: Promote");
    expect(read("README.txt")).toContain("routes-istioinaction-webapp: FAILED");
    expect(t.exec.commands).toContain("istioctl proxy-status --context kind-test");
    expect(t.exec.commands).toContain("istioctl proxy-config cluster deploy/catalog -n istioinaction -o json --context kind-test");
  });

  it("keeps going when the Kubernetes API is down", async () => {
    t.kube.list = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:6443");
    };
    const dir = await collectDiagnostics(lab, t.ctx, t.dir);
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(["pods-istioinaction.error.txt", "events-istioinaction.error.txt", "proxy-status.txt", "logs-istioinaction-webapp.error.txt"]));
    expect(readFileSync(join(dir, "pods-istioinaction.error.txt"), "utf8")).toContain("ECONNREFUSED");
  });

  it("says in the logs' error file when a workload's Deployment does not exist", async () => {
    await t.kube.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "istioinaction", name: "webapp" });
    const dir = await collectDiagnostics(lab, t.ctx, t.dir);
    expect(readFileSync(join(dir, "logs-istioinaction-webapp.error.txt"), "utf8")).toContain("deployment/webapp does not exist in namespace istioinaction");
    expect(readdirSync(dir)).toContain("logs-istioinaction-catalog.catalog-1.catalog.log");
  });

  it("collects nothing from the cluster for a Docker-only lab", async () => {
    const dir = await collectDiagnostics({ ...lab, id: "ch3-envoy", requires: ["docker"] }, t.ctx, t.dir);
    expect(readdirSync(dir)).toEqual(["README.txt"]);
    expect(t.exec.commands).toEqual([]);
  });

  it("formats pods as a table and events oldest first", () => {
    const table = formatPodTable([pod("webapp-1", "webapp"), pod("catalog-1", "catalog", { waiting: "CrashLoopBackOff", ready: false, restarts: 4 })]).split("\n");
    expect(table[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+IMAGE$/);
    expect(table[1]).toMatch(/^catalog-1\s+1\/2\s+CrashLoopBackOff\s+5\s+istioinaction\/catalog:latest,docker.io\/istio\/proxyv2:1.17.8$/);
    expect(table[2]).toMatch(/^webapp-1\s+2\/2\s+Running\s+1\s+/);
    const events = formatEvents([event("BackOff", "2024-05-01T10:02:00Z", "Back-off restarting\n failed container"), event("Pulled", "2024-05-01T10:00:00Z", "pulled image")]).split("\n");
    expect(events[1]).toContain("Pulled");
    expect(events[2]).toContain("pod/catalog-1  Back-off restarting failed container");
  });
});
