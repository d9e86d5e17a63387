// Real servers on 127.0.0.1 (random ports) that stand in for the ingress gateway in probe tests.

import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createTcpServer, type Server as NetServer, type Socket } from "node:net";
import { createSecureContext, type TLSSocket } from "node:tls";
import type { AddressInfo } from "node:net";

export interface RunningServer {
  port: number;
  /** Sockets the server accepted so far. */
  connections: () => number;
  stop: () => Promise<void>;
}

type Listening = HttpServer | NetServer;

async function listen(server: Listening): Promise<RunningServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// The bodies the Host-routing server answers with.
export const HOST_BODIES: Record<string, string> = {
  "webapp.istioinaction.io": "webapp says hi",
  "catalog.istioinaction.io": '[{"id":1,"color":"amber","imageUrl":"http://lorempixel.com/1"}]',
};

// An HTTP server routing by Host (port stripped), 404 for unknown hosts; echoes method, headers and body.
export function startHostRoutingServer(): Promise<RunningServer> {
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const host = (request.headers.host ?? "").replace(/:\d+$/, "");
      const body = HOST_BODIES[host];
      response.setHeader("x-seen-method", request.method ?? "");
      response.setHeader("x-seen-host", request.headers.host ?? "");
      response.setHeader("x-seen-body", Buffer.concat(chunks).toString("utf8"));
      response.setHeader("x-seen-custom", String(request.headers["x-custom"] ?? ""));
      response.setHeader("set-cookie", ["a=1", "b=2"]);
      if (body === undefined) {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader("content-type", "text/plain");
      response.end(body);
    });
  });
  return listen(server);
}

export interface TlsIdentity {
  certPem: string;
  keyPem: string;
}

// An HTTPS server choosing its certificate by SNI; the body names the SNI it saw and the client's CN.
export function startSniServer(identities: Record<string, TlsIdentity>, mutual?: { caPem: string }): Promise<RunningServer> {
  // The SNI context replaces the server's: it must carry the client CA too.
  const ca = mutual === undefined ? {} : { ca: mutual.caPem };
  const contexts = new Map(Object.entries(identities).map(([name, id]) => [name, createSecureContext({ cert: id.certPem, key: id.keyPem, ...ca })]));
  const first = Object.values(identities)[0];
  if (first === undefined) throw new Error("at least one identity is needed");
  const server = createHttpsServer(
    {
      cert: first.certPem,
      key: first.keyPem,
      SNICallback: (name, callback) => callback(null, contexts.get(name) ?? contexts.values().next().value),
      ...(mutual === undefined ? {} : { requestCert: true, rejectUnauthorized: true, ca: mutual.caPem }),
    },
    (request, response) => {
      const socket = request.socket as TLSSocket;
      const servername = (socket as TLSSocket & { servername?: string | false }).servername;
      const client = socket.getPeerCertificate();
      response.end(`Hello ${String(servername)} client=${client?.subject?.CN ?? "none"}`);
    },
  );
  return listen(server);
}

// A TCP echo server greeting like cjimti/go-echo, written in several chunks; optionally behind TLS.
export function startEchoServer(tls?: TlsIdentity): Promise<RunningServer> {
  const handle = (socket: Socket): void => {
    socket.write("Welcome, you are connected to node test-node.\n");
    setTimeout(() => socket.write("Running on Pod tcp-echo-test.\nIn namespace istioinaction.\n"), 20);
    socket.on("data", (chunk) => socket.write(chunk));
    socket.on("error", () => undefined);
  };
  if (tls === undefined) return listen(createTcpServer(handle));
  return import("node:tls").then(({ createServer }) => {
    const server = createServer({ cert: tls.certPem, key: tls.keyPem }, handle);
    return listen(server);
  });
}
