import { createServer, type RequestListener, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";

/** What the fixture server answers for one path. */
export interface FixtureRoute {
  body: Buffer | string;
  /** Send only this many bytes of the body, then cut the connection. */
  cutAfter?: number;
  /** How the connection is cut: destroy (RST-like) or end (clean close, body shorter than content-length). */
  cutMode?: "destroy" | "end";
  /** Send only this many bytes, then stall without closing. */
  stallAfter?: number;
}

/** A real HTTP server on 127.0.0.1 that serves in-memory files and records every request path. */
export interface FixtureServer {
  baseUrl: string;
  routes: Map<string, FixtureRoute>;
  requests: string[];
  close: () => Promise<void>;
}

// Starts the server on a free port of 127.0.0.1; with `tls` it speaks HTTPS (named localhost in its baseUrl).
export async function startFixtureServer(tls?: { keyPem: string; certPem: string }): Promise<FixtureServer> {
  const routes = new Map<string, FixtureRoute>();
  const requests: string[] = [];
  const listener: RequestListener = (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(path);
    const route = routes.get(path);
    if (route === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const body = Buffer.from(route.body);
    response.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    const partial = route.cutAfter ?? route.stallAfter;
    if (partial === undefined) {
      response.end(body);
      return;
    }
    response.write(body.subarray(0, partial));
    if (route.cutAfter === undefined) return;
    setTimeout(() => (route.cutMode === "end" ? response.socket?.end() : response.socket?.destroy()), 20);
  };
  const server: Server = tls === undefined ? createServer(listener) : createTlsServer({ key: tls.keyPem, cert: tls.certPem }, listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: tls === undefined ? `http://127.0.0.1:${port}` : `https://localhost:${port}`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A URL on 127.0.0.1 where nothing listens (a server is started, its port noted, then closed).
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
