// simple-tls-service as nicholasjackson/fake-service answers with TLS_CERT_LOCATION set: HTTPS with its own
// certificate (the Secret its Deployment mounts), a JSON body carrying its MESSAGE.

import { createServer } from "node:https";
import { listenOnLoopback, type LoopbackStandIn } from "./listen-loopback.js";

export type TlsStandIn = LoopbackStandIn;

// Starts the service on 127.0.0.1 at a kernel-picked port with `cert`/`key`.
export async function startTlsServiceStandIn(name: string, message: string, cert: string, key: string): Promise<TlsStandIn> {
  const server = createServer({ cert, key }, (request, response) => {
    response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
    response.end(`${JSON.stringify({ name, uri: request.url ?? "/", type: "HTTP", code: 200, body: message }, null, 2)}\n`);
  });
  return listenOnLoopback(server, () => server.closeAllConnections());
}
