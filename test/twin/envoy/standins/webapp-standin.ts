// webapp as the book's image answers: /api/catalog and /api/catalog/items/<id> call catalog
// (catalog.istioinaction:80) through `upstreamPort` (webapp's sidecar Envoy, or catalog directly), passing on
// the routing headers; a failed call is HTTP 500 "error calling Catalog service".

import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { startTestServer, type TestServer } from "../../../engine/execute/helpers/test-server.js";

/** Headers webapp copies onto its catalog call (the labs route on these). */
const PROPAGATED = ["x-istio-cohort", "x-dark-launch", "x-request-id", "x-b3-traceid", "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled"];
const CATALOG_HOST = "catalog.istioinaction:80";

interface Upstream {
  status: number;
  body: string;
}

function callCatalog(port: number, path: string, incoming: IncomingHttpHeaders): Promise<Upstream> {
  const headers: Record<string, string> = { host: CATALOG_HOST };
  for (const name of PROPAGATED) {
    const value = incoming[name];
    if (typeof value === "string") headers[name] = value;
  }
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, path, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

// Starts webapp; `upstreamPort()` is read at every call (the sidecar may be restarted between steps).
export async function startWebappStandIn(upstreamPort: () => number): Promise<TestServer> {
  return startTestServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (!path.startsWith("/api/catalog")) {
      response.writeHead(path === "/" ? 200 : 404, { "content-type": "text/html" });
      response.end(path === "/" ? "<html><title>Istio in Action webapp</title></html>" : "");
      return;
    }
    const catalogPath = path === "/api/catalog" ? "/items" : path.replace(/^\/api\/catalog/, "");
    callCatalog(upstreamPort(), catalogPath, request.headers).then(
      (upstream) => {
        if (upstream.status !== 200) {
          response.writeHead(500, { "content-type": "text/plain" });
          response.end(`error calling Catalog service: status ${upstream.status}`);
          return;
        }
        response.writeHead(200, { "content-type": "application/json" });
        response.end(upstream.body);
      },
      (error: Error) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(`error calling Catalog service: ${error.message}`);
      },
    );
  });
}
