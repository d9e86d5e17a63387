// A stand-in server listening on 127.0.0.1 at a kernel-picked port, closed with its open connections dropped.

import type { AddressInfo, Server } from "node:net";

export interface LoopbackStandIn {
  port: number;
  close(): Promise<void>;
}

// Listens, then returns the port and a close that first drops the connections (`dropConnections`).
export async function listenOnLoopback(server: Server, dropConnections: () => void): Promise<LoopbackStandIn> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      dropConnections();
    });
  return { port, close };
}
