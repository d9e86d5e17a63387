// A fake Kubernetes API: a real HTTP server on 127.0.0.1 that answers discovery and records every request.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | undefined;
  body: string;
}

export type Route = (request: RecordedRequest, response: ServerResponse) => boolean;

const DISCOVERY: Record<string, Array<{ name: string; kind: string; namespaced: boolean }>> = {
  "/api/v1": [
    { name: "namespaces", kind: "Namespace", namespaced: false },
    { name: "services", kind: "Service", namespaced: true },
    { name: "secrets", kind: "Secret", namespaced: true },
    { name: "pods", kind: "Pod", namespaced: true },
    { name: "configmaps", kind: "ConfigMap", namespaced: true },
  ],
  "/apis/apps/v1": [{ name: "deployments", kind: "Deployment", namespaced: true }],
  "/apis/networking.istio.io/v1beta1": [{ name: "gateways", kind: "Gateway", namespaced: true }],
};

export interface FakeApiServer {
  url: string;
  requests: RecordedRequest[];
  /** Non-discovery requests, in order. */
  calls(): RecordedRequest[];
  close(): Promise<void>;
}

// Starts the server; unknown paths answer 404 with a Status like the real API server.
export async function startFakeApiServer(routes: Route[]): Promise<FakeApiServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        contentType: req.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const resources = DISCOVERY[url.pathname];
      if (resources && recorded.method === "GET") {
        sendJson(res, 200, { kind: "APIResourceList", groupVersion: url.pathname.replace(/^\/apis?\//, ""), resources: resources.map((r) => ({ ...r, singularName: "", verbs: ["get", "list", "watch", "patch", "delete"] })) });
        return;
      }
      for (const route of routes) if (route(recorded, res)) return;
      sendJson(res, 404, { kind: "Status", apiVersion: "v1", status: "Failure", message: `the server could not find the requested resource (${url.pathname})`, reason: "NotFound", code: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: () => requests.filter((r) => !(r.method === "GET" && DISCOVERY[r.path])),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
  return true;
}

// A kubeconfig whose current-context ("other") points elsewhere: the client must use the context it is given.
// Plain http needs insecure-skip-tls-verify in client-node v2.
export function writeKubeconfig(servers: { labServer: string; otherServer: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "istio-lab-kube-"));
  const file = join(dir, "config");
  writeFileSync(
    file,
    [
      "apiVersion: v1",
      "kind: Config",
      "current-context: other",
      "clusters:",
      "- name: kind-myk8s",
      `  cluster: {server: "${servers.labServer}", insecure-skip-tls-verify: true}`,
      "- name: other",
      `  cluster: {server: "${servers.otherServer}", insecure-skip-tls-verify: true}`,
      "contexts:",
      "- name: kind-myk8s",
      "  context: {cluster: kind-myk8s, user: lab}",
      "- name: other",
      "  context: {cluster: other, user: lab}",
      "users:",
      "- name: lab",
      "  user: {token: test-token}",
      "",
    ].join("\n"),
  );
  return file;
}
