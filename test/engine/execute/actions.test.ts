import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LabError } from "../../../core/errors.js";
import { runAction } from "../../../engine/execute/run-action.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext, createTestState, type TestContext } from "./helpers/test-context.js";

const contexts: TestContext[] = [];
function context(kube?: FakeKube): TestContext {
  const created = createTestContext(kube === undefined ? {} : { kube });
  contexts.push(created);
  return created;
}
afterEach(() => contexts.splice(0).forEach((c) => c.ctx.probe.close()));

describe("apply", () => {
  it("reads every document of a real app manifest and places each in the namespace", async () => {
    const { ctx, kube } = context();
    await runAction({ kind: "apply", file: "apps/catalog.yaml", namespace: "istioinaction" }, ctx, createTestState());
    expect(kube.applied.map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.namespace}`)).toEqual([
      "ServiceAccount/catalog@istioinaction",
      "Service/catalog@istioinaction",
      "Deployment/catalog@istioinaction",
    ]);
  });

  it("leaves cluster-scoped kinds without a namespace and rejects a conflicting one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apply-"));
    const file = join(dir, "mixed.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n---\n\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n");
    const { ctx, kube } = context();
    await runAction({ kind: "apply", file, namespace: "demo" }, ctx, createTestState());
    expect(kube.applied.map((o) => [o.kind, o.metadata.namespace])).toEqual([
      ["Namespace", undefined],
      ["ConfigMap", "demo"],
    ]);
    writeFileSync(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: other\n");
    await expect(runAction({ kind: "apply", file, namespace: "demo" }, ctx, createTestState())).rejects.toThrow(/names namespace other/);
  });
});

describe("delete", () => {
  it("deletes a target, waits until it is gone, and accepts an absent one", async () => {
    const { ctx, kube } = context();
    const target = { apiVersion: "v1", kind: "Service", name: "catalog", namespace: "istioinaction" };
    kube.put({ apiVersion: "v1", kind: "Service", metadata: { name: "catalog", namespace: "istioinaction" } });
    await runAction({ kind: "delete", target }, ctx, createTestState());
    expect(await kube.get(target)).toBeUndefined();
    await expect(runAction({ kind: "delete", target }, ctx, createTestState())).resolves.toBeUndefined();
    expect(kube.deleted).toHaveLength(1);
  });
});

describe("exec", () => {
  function podOf(name: string, ready: boolean) {
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "istioinaction", labels: { app: "catalog", version: "v1" } },
      status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
    };
  }

  it("runs in the first Running+Ready pod and fails with stderr on a non-zero exit", async () => {
    let exitCode = 0;
    const kube = new FakeKube({ exec: () => ({ stdout: "", stderr: exitCode === 0 ? "" : "curl: (7) Failed to connect", exitCode }) });
    kube.put({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "catalog", namespace: "istioinaction" }, spec: { selector: { matchLabels: { app: "catalog", version: "v1" } } } });
    kube.put(podOf("catalog-aaa", false));
    kube.put(podOf("catalog-bbb", true));
    const { ctx } = context(kube);
    const action = { kind: "exec" as const, workload: { namespace: "istioinaction", deployment: "catalog" }, container: "catalog", command: ["curl", "-s", "localhost:3000"] };
    await runAction(action, ctx, createTestState());
    expect(kube.execs[0]?.pod).toBe("catalog-bbb");
    exitCode = 7;
    const failure = await runAction(action, ctx, createTestState()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LabError);
    expect((failure as LabError).message).toContain("curl: (7) Failed to connect");
    expect((failure as LabError).kind).toBe("failed");
  });
});

describe("tls-secret", () => {
  it("applies a kubernetes.io/tls Secret with the certificate and key (and ca.crt when asked), never logging the key", async () => {
    const { ctx, kube, logs } = context();
    await runAction({ kind: "tls-secret", namespace: "istio-system", name: "webapp-credential", caName: "webapp-ca", commonName: "webapp.istioinaction.io", withCa: true }, ctx, createTestState());
    const secret = kube.applied[0];
    expect(secret?.["type"]).toBe("kubernetes.io/tls");
    const data = secret?.["data"] as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(["ca.crt", "tls.crt", "tls.key"]);
    const key = Buffer.from(data["tls.key"] ?? "", "base64").toString();
    expect(key).toContain("PRIVATE KEY");
    expect(logs.join("\n")).not.toContain("PRIVATE KEY");
  });
});

describe("istioctl", () => {
  it("always passes the lab context", async () => {
    const { createFakeExec } = await import("../../fakes/fake-exec.js");
    const fake = createFakeExec(() => ({ stdout: "ok\n" }));
    const created = createTestContext({ exec: fake.exec });
    contexts.push(created);
    await runAction({ kind: "istioctl", args: ["analyze", "-n", "istioinaction"] }, created.ctx, createTestState());
    expect(fake.commands).toEqual(["istioctl analyze -n istioinaction --context kind-myk8s"]);
  });
});

describe("mesh-config", () => {
  it("renders the IstioOperator into the run folder, installs it with the lab context and waits for istiod", async () => {
    const { readFileSync } = await import("node:fs");
    const { createFakeExec } = await import("../../fakes/fake-exec.js");
    const fake = createFakeExec(() => ({ stdout: "✔ Installation complete\n" }));
    const kube = new FakeKube();
    kube.put({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "istiod", namespace: "istio-system", generation: 1 },
      spec: { replicas: 1 },
      status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 },
    });
    const created = createTestContext({ kube, exec: fake.exec });
    contexts.push(created);
    const state = createTestState();
    await runAction({ kind: "mesh-config", outboundTrafficPolicy: "REGISTRY_ONLY" }, created.ctx, state);
    const file = join(state.workDir, "istio-operator-registry-only.yaml");
    expect(fake.commands).toEqual([`istioctl install -y --context kind-myk8s -f ${file}`]);
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toContain("REGISTRY_ONLY");
    expect(yaml).toContain("30006");
  });
});
