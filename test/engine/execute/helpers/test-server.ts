// A real HTTP server on 127.0.0.1 for the network edge: answers with a handler and counts requests.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A running server: its port, how many requests it got, and how to stop it.
export interface TestServer {
  port: number;
  requests: () => number;
  close: () => Promise<void>;
}

// Starts a server on an ephemeral port of 127.0.0.1.
export async function startTestServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    count += 1;
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
