import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createKube } from "../../../core/kube-client/create-kube.js";
import { exitCodeOfStatus, withStatusMessage } from "../../../core/kube-client/pod-exec.js";
import { LabError } from "../../../core/errors.js";
import { sendJson, startFakeApiServer, writeKubeconfig, type FakeApiServer, type Route } from "./fake-api-server.js";

const CONTEXT = "kind-myk8s";
let server: FakeApiServer | undefined;
const savedKubeconfig = process.env["KUBECONFIG"];

async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function kubeAgainst(routes: Route[]) {
  server = await startFakeApiServer(routes);
  process.env["KUBECONFIG"] = writeKubeconfig({ labServer: server.url, otherServer: await closedPortUrl() });
  return createKube(CONTEXT);
}

beforeEach(() => {
  server = undefined;
});

afterEach(async () => {
  await server?.close();
  if (savedKubeconfig === undefined) delete process.env["KUBECONFIG"];
  else process.env["KUBECONFIG"] = savedKubeconfig;
});

describe("createKube", () => {
  it("applies with a server-side apply PATCH: apply-patch content type, our field manager, force", async () => {
    const kube = await kubeAgainst([(req, res) => req.method === "PATCH" && sendJson(res, 200, JSON.parse(req.body))]);
    const service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "webapp", namespace: "istioinaction", labels: { app: "webapp" } },
      spec: { ports: [{ name: "http", port: 80, targetPort: 8080 }], selector: { app: "webapp" } },
    };
    await kube.apply([service]);
    const [call] = server!.calls();
    expect(call?.method).toBe("PATCH");
    expect(call?.path).toBe("/api/v1/namespaces/istioinaction/services/webapp");
    expect(call?.contentType).toBe("application/apply-patch+yaml");
    expect(call?.query.get("fieldManager")).toBe("istio-lab");
    expect(call?.query.get("force")).toBe("true");
    expect(JSON.parse(call!.body)).toEqual(service);
  });

  it("applies a custom resource to its group's path, keeping unknown fields", async () => {
    const kube = await kubeAgainst([(req, res) => req.method === "PATCH" && sendJson(res, 200, JSON.parse(req.body))]);
    const gateway = {
      apiVersion: "networking.istio.io/v1beta1",
      kind: "Gateway",
      metadata: { name: "coolstore-gateway", namespace: "istioinaction" },
      spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["webapp.istioinaction.io"] }] },
    };
    await kube.apply([gateway]);
    const [call] = server!.calls();
    expect(call?.path).toBe("/apis/networking.istio.io/v1beta1/namespaces/istioinaction/gateways/coolstore-gateway");
    expect(JSON.parse(call!.body)).toEqual(gateway);
  });

  it("applies a built-in kind exactly as given (no typed model drops a CRD's x-kubernetes-* keys)", async () => {
    const kube = await kubeAgainst([
      (req, res) => req.method === "GET" && req.path === "/apis/apiextensions.k8s.io/v1" && sendJson(res, 200, { kind: "APIResourceList", groupVersion: "apiextensions.k8s.io/v1", resources: [{ name: "customresourcedefinitions", kind: "CustomResourceDefinition", namespaced: false, singularName: "", verbs: ["patch"] }] }),
      (req, res) => req.method === "PATCH" && sendJson(res, 200, JSON.parse(req.body)),
    ]);
    const crd = {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "canaries.flagger.app" },
      spec: { versions: [{ name: "v1beta1", schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }] },
    };
    await kube.apply([crd]);
    const call = server!.calls().at(-1)!;
    expect(call.path).toBe("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/canaries.flagger.app");
    expect(JSON.parse(call.body)).toEqual(crd);
  });

  it("get answers undefined for a 404 and the object (plain JSON) otherwise", async () => {
    const kube = await kubeAgainst([
      (req, res) =>
        req.path === "/api/v1/namespaces/istio-system/secrets/present" &&
        sendJson(res, 200, { apiVersion: "v1", kind: "Secret", metadata: { name: "present", namespace: "istio-system", creationTimestamp: "2024-01-02T03:04:05Z" }, type: "Opaque" }),
    ]);
    expect(await kube.get({ apiVersion: "v1", kind: "Secret", name: "missing", namespace: "istio-system" })).toBeUndefined();
    const found = await kube.get({ apiVersion: "v1", kind: "Secret", name: "present", namespace: "istio-system" });
    expect(found?.metadata.name).toBe("present");
    expect(typeof found?.metadata["creationTimestamp"]).toBe("string");
  });

  it("get of a kind the cluster does not know (CRD absent) is undefined, list is empty", async () => {
    const kube = await kubeAgainst([]);
    expect(await kube.get({ apiVersion: "flagger.app/v1beta1", kind: "Canary", name: "x", namespace: "a" })).toBeUndefined();
    expect(await kube.list({ apiVersion: "flagger.app/v1beta1", kind: "Canary" })).toEqual([]);
  });

  it("delete says true when it deleted and false when it was already gone", async () => {
    const kube = await kubeAgainst([
      (req, res) => req.method === "DELETE" && req.path.endsWith("/namespaces/foo") && sendJson(res, 200, { kind: "Status", status: "Success" }),
    ]);
    expect(await kube.delete({ apiVersion: "v1", kind: "Namespace", name: "foo" })).toBe(true);
    expect(await kube.delete({ apiVersion: "v1", kind: "Namespace", name: "bar" })).toBe(false);
  });

  it("list sends the namespace path and label selector, and gives items their apiVersion/kind", async () => {
    const kube = await kubeAgainst([
      (req, res) =>
        req.path === "/apis/apps/v1/namespaces/istioinaction/deployments" &&
        sendJson(res, 200, { apiVersion: "apps/v1", kind: "DeploymentList", metadata: {}, items: [{ metadata: { name: "webapp", namespace: "istioinaction" } }] }),
    ]);
    const items = await kube.list({ apiVersion: "apps/v1", kind: "Deployment", namespace: "istioinaction", labelSelector: "app=webapp,version in (v1)" });
    const call = server!.calls().at(-1)!;
    expect(call.query.get("labelSelector")).toBe("app=webapp,version in (v1)");
    expect(items).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "webapp", namespace: "istioinaction" } }]);
  });

  it("watch delivers events until onEvent says done", async () => {
    const kube = await kubeAgainst([
      (req, res) => {
        if (req.path !== "/apis/apps/v1/namespaces/istio-system/deployments" || req.query.get("watch") !== "true") return false;
        res.writeHead(200, { "content-type": "application/json" });
        const deployment = (ready: number) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "istiod", namespace: "istio-system" }, status: { readyReplicas: ready } });
        res.write(JSON.stringify({ type: "ADDED", object: deployment(0) }) + "\n");
        setTimeout(() => res.write(JSON.stringify({ type: "MODIFIED", object: deployment(1) }) + "\n"), 30);
        return true;
      },
    ]);
    const seen: string[] = [];
    await kube.watch(
      { apiVersion: "apps/v1", kind: "Deployment", namespace: "istio-system", labelSelector: "app=istiod" },
      (type, object) => {
        seen.push(type);
        return (object["status"] as { readyReplicas?: number }).readyReplicas === 1;
      },
      AbortSignal.timeout(5000),
    );
    expect(seen).toEqual(["ADDED", "MODIFIED"]);
    expect(server!.calls().at(-1)?.query.get("labelSelector")).toBe("app=istiod");
  });

  it("logs asks for sinceTime (RFC 3339, whole seconds) and tailLines", async () => {
    const kube = await kubeAgainst([
      (req, res) => {
        if (req.path !== "/api/v1/namespaces/istioinaction/pods/webapp-1/log") return false;
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("line one\nline two\n");
        return true;
      },
    ]);
    const text = await kube.logs("istioinaction", "webapp-1", "istio-proxy", { sinceTime: new Date("2024-05-06T07:08:09.123Z"), tailLines: 5 });
    expect(text).toBe("line one\nline two\n");
    const call = server!.calls().at(-1)!;
    expect(call.query.get("container")).toBe("istio-proxy");
    expect(call.query.get("sinceTime")).toBe("2024-05-06T07:08:09Z");
    expect(call.query.get("tailLines")).toBe("5");
  });

  it("refuses a context that is not in the kubeconfig, pointing at `npm run lab up`", async () => {
    process.env["KUBECONFIG"] = writeKubeconfig({ labServer: await closedPortUrl(), otherServer: await closedPortUrl() });
    const error = await createKube("kind-elsewhere").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).message).toContain("no context kind-elsewhere in your kubeconfig");
    expect((error as LabError).hint).toContain("npm run lab up");
  });

  it("says the API does not answer when the connection is refused", async () => {
    process.env["KUBECONFIG"] = writeKubeconfig({ labServer: await closedPortUrl(), otherServer: await closedPortUrl() });
    const kube = await createKube(CONTEXT);
    const error = await kube.list({ apiVersion: "v1", kind: "Namespace" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect((error as LabError).kind).toBe("environment");
    expect((error as LabError).message).toContain("The Kubernetes API of kind-myk8s does not answer");
    expect((error as LabError).hint).toContain("npm run lab status");
  });

  it("keeps the low-level reason when the connection breaks (undici only says 'fetch failed')", async () => {
    const { createServer: createTcpServer } = await import("node:net");
    const breaker = createTcpServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => breaker.listen(0, "127.0.0.1", resolve));
    const { port } = breaker.address() as AddressInfo;
    try {
      process.env["KUBECONFIG"] = writeKubeconfig({ labServer: `http://127.0.0.1:${port}`, otherServer: await closedPortUrl() });
      const kube = await createKube(CONTEXT);
      const error = await kube.list({ apiVersion: "v1", kind: "Namespace" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LabError);
      expect((error as LabError).message).toMatch(/fetch failed \(.+\)/);
    } finally {
      await new Promise<void>((resolve) => breaker.close(() => resolve()));
    }
  });

  it("a watch the API refuses (403) fails with its HTTP status, not a bare status text", async () => {
    const kube = await kubeAgainst([
      (req, res) => req.query.get("watch") === "true" && sendJson(res, 403, { kind: "Status", status: "Failure", message: "forbidden", code: 403 }),
    ]);
    const error = await kube.watch({ apiVersion: "apps/v1", kind: "Deployment", namespace: "istio-system" }, () => false, AbortSignal.timeout(5000)).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("failed");
    expect((error as LabError).message).toContain("HTTP 403");
  });

  it("turns a refused request into a failed LabError with the API's own message", async () => {
    const kube = await kubeAgainst([
      (req, res) => req.method === "PATCH" && sendJson(res, 422, { kind: "Status", status: "Failure", message: 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 99', code: 422 }),
    ]);
    const error = await kube.apply([{ apiVersion: "v1", kind: "Service", metadata: { name: "x", namespace: "default" } }]).catch((e: unknown) => e);
    expect((error as LabError).kind).toBe("failed");
    expect((error as LabError).message).toContain("HTTP 422");
    expect((error as LabError).message).toContain("nodePort: Invalid value: 99");
  });
});

describe("exitCodeOfStatus", () => {
  it("reads the exit code of a V1Status", () => {
    expect(exitCodeOfStatus({ status: "Success" })).toBe(0);
    expect(exitCodeOfStatus({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "7" }] } })).toBe(7);
    expect(exitCodeOfStatus({ status: "Failure", message: "boom" })).toBe(1);
    expect(exitCodeOfStatus(undefined)).toBe(0);
  });
});

describe("withStatusMessage", () => {
  it("keeps the API's reason when a command could not run (no exit code in the status)", () => {
    const notFound = {
      status: "Failure",
      reason: "InternalError",
      message: 'Internal error occurred: error executing command in container: exec: "curl": executable file not found in $PATH: unknown',
    };
    expect(exitCodeOfStatus(notFound)).toBe(1);
    expect(withStatusMessage("", notFound)).toContain("executable file not found");
    expect(withStatusMessage("partial", notFound)).toBe(`partial\n${notFound.message}`);
  });

  it("adds nothing for success or an ordinary non-zero exit", () => {
    expect(withStatusMessage("err\n", { status: "Success" })).toBe("err\n");
    const exited = { status: "Failure", reason: "NonZeroExitCode", message: "command terminated with non-zero exit code: error executing command [sh -c exit 7], exit code 7", details: { causes: [{ reason: "ExitCode", message: "7" }] } };
    expect(withStatusMessage("boom\n", exited)).toBe("boom\n");
    expect(withStatusMessage("", undefined)).toBe("");
  });
});
