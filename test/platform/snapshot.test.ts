import { describe, expect, it } from "vitest";
import { compareSnapshots } from "../../platform/compare-snapshots.js";
import type { PlatformSnapshot } from "../../platform/snapshot-types.js";
import { takeSnapshot } from "../../platform/take-snapshot.js";
import { baselineObjects, meshConfigMap } from "./baseline-cluster.js";
import { FakeKube } from "../fakes/fake-kube.js";

function snapshot(overrides: Partial<PlatformSnapshot> = {}): PlatformSnapshot {
  return {
    clusterId: "uid-1",
    takenAt: "2024-01-01T00:00:00.000Z",
    namespaces: [
      { name: "default", injection: null },
      { name: "istio-system", injection: null },
      { name: "istioinaction", injection: "enabled" },
    ],
    objects: [
      { kind: "Deployment", namespace: "istio-system", name: "istiod" },
      { kind: "MutatingWebhookConfiguration", name: "istio-sidecar-injector" },
    ],
    mesh: { outboundTrafficPolicy: "ALLOW_ANY", settings: { accessLogFile: '"/dev/stdout"' } },
    istiodEnv: ["PILOT_TRACE_SAMPLING=1"],
    ...overrides,
  };
}

describe("compareSnapshots", () => {
  const baseline = snapshot();

  it("finds nothing between equal snapshots (the time taken does not count)", () => {
    expect(compareSnapshots(baseline, snapshot({ takenAt: "2025-05-05T05:05:05.000Z" }))).toEqual([]);
  });

  it("finds an extra Gateway in the lab namespace", () => {
    const current = snapshot({ objects: [...baseline.objects, { kind: "Gateway", namespace: "istioinaction", name: "coolstore-gateway" }] });
    expect(compareSnapshots(baseline, current)).toEqual(["extra Gateway istioinaction/coolstore-gateway"]);
  });

  it("finds an extra Secret in istio-system", () => {
    const current = snapshot({ objects: [...baseline.objects, { kind: "Secret", namespace: "istio-system", name: "webapp-credential" }] });
    expect(compareSnapshots(baseline, current)).toEqual(["extra Secret istio-system/webapp-credential"]);
  });

  it("finds the mesh switched to REGISTRY_ONLY", () => {
    const current = snapshot({ mesh: { outboundTrafficPolicy: "REGISTRY_ONLY", settings: baseline.mesh!.settings } });
    expect(compareSnapshots(baseline, current)).toEqual(["mesh outboundTrafficPolicy REGISTRY_ONLY, baseline ALLOW_ANY"]);
  });

  it("finds an extra namespace", () => {
    const current = snapshot({ namespaces: [...baseline.namespaces, { name: "foo", injection: null }] });
    expect(compareSnapshots(baseline, current)).toEqual(["extra namespace foo"]);
  });

  it("finds missing objects, a lost injection label, other mesh settings and istiod env changes", () => {
    const current = snapshot({
      namespaces: [{ name: "default", injection: null }, { name: "istio-system", injection: null }, { name: "istioinaction", injection: null }],
      objects: [{ kind: "Deployment", namespace: "istio-system", name: "istiod" }],
      mesh: { outboundTrafficPolicy: "ALLOW_ANY", settings: {} },
      istiodEnv: ["PILOT_FILTER_GATEWAY_CLUSTER_CONFIG=true", "PILOT_TRACE_SAMPLING=1"],
    });
    expect(compareSnapshots(baseline, current)).toEqual([
      "namespace istioinaction istio-injection unset, baseline enabled",
      "missing MutatingWebhookConfiguration istio-sidecar-injector",
      'mesh accessLogFile unset, baseline "/dev/stdout"',
      "istiod env PILOT_FILTER_GATEWAY_CLUSTER_CONFIG=true not in baseline",
    ]);
  });
});

describe("takeSnapshot", () => {
  it("reads namespaces, Istio resources everywhere, istio-system objects, webhooks and the mesh config", async () => {
    const kube = new FakeKube([
      ...baselineObjects(),
      { apiVersion: "networking.istio.io/v1beta1", kind: "Gateway", metadata: { name: "coolstore-gateway", namespace: "istioinaction" } },
      { apiVersion: "flagger.app/v1beta1", kind: "Canary", metadata: { name: "catalog-release", namespace: "istioinaction" } },
    ]);
    const taken = await takeSnapshot(kube, () => new Date("2024-02-03T04:05:06Z"));
    expect(taken.clusterId).toBe("0b6f1c2e-uid-of-kube-system");
    expect(taken.takenAt).toBe("2024-02-03T04:05:06.000Z");
    expect(taken.namespaces).toContainEqual({ name: "istioinaction", injection: "enabled" });
    expect(taken.namespaces).toContainEqual({ name: "istio-system", injection: null });
    const names = taken.objects.map((o) => `${o.kind} ${o.namespace ?? ""}/${o.name}`);
    expect(names).toContain("Gateway istioinaction/coolstore-gateway");
    expect(names).toContain("Canary istioinaction/catalog-release");
    expect(names).toContain("Secret istio-system/istio-ca-secret");
    expect(names).toContain("Deployment istio-system/flagger");
    expect(names).toContain("MutatingWebhookConfiguration /istio-sidecar-injector");
    expect(names).toContain("ValidatingWebhookConfiguration /istio-validator-istio-system");
    expect(names.filter((n) => n.includes("token") || n.includes("sh.helm.release"))).toEqual([]);
    expect(taken.mesh?.outboundTrafficPolicy).toBe("ALLOW_ANY");
    expect(taken.istiodEnv).toEqual(["PILOT_TRACE_SAMPLING=1"]);
  });

  it("sees a REGISTRY_ONLY mesh, and a snapshot of the same cluster compares equal to itself", async () => {
    const kube = new FakeKube(baselineObjects());
    const before = await takeSnapshot(kube);
    expect(compareSnapshots(before, await takeSnapshot(kube))).toEqual([]);
    kube.put(meshConfigMap("REGISTRY_ONLY"));
    expect(compareSnapshots(before, await takeSnapshot(kube))).toEqual(["mesh outboundTrafficPolicy REGISTRY_ONLY, baseline ALLOW_ANY"]);
  });
});
