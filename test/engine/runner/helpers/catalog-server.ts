import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on 127.0.0.1 standing in for the ingress gateway: /items answers as catalog v1 or v2.

export interface CatalogServer {
  port: number;
  /** Which version answers; the fake Kube edge flips it when a lab "applies" a change. */
  version: "v1" | "v2";
  requests: number;
  /** Called on every request (a test may abort a run from here, like Ctrl-C during traffic). */
  onRequest?: () => void;
  stop(): Promise<void>;
}

export async function startCatalogServer(): Promise<CatalogServer> {
  const state: CatalogServer = {
    port: 0,
    version: "v1",
    requests: 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    state.requests++;
    state.onRequest?.();
    if (request.url !== "/items") {
      response.writeHead(404).end("not found");
      return;
    }
    const item = state.version === "v2" ? { id: 1, name: "Elinor Glasses", imageUrl: "http://lorempixel.com/640/480" } : { id: 1, name: "Elinor Glasses" };
    response.writeHead(200, { "content-type": "application/json", connection: "close" }).end(JSON.stringify([item]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}
