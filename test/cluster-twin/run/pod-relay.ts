// A pod's port: listens on the pod's IP and relays each connection to the stand-in serving it on 127.0.0.1.
// SO_REUSEPORT (reusePort) lets a pod's 10.244.x.y:8080 coexist with the gateway Envoy's 0.0.0.0:8080 listener
// (Envoy sets it too); the kernel picks the exact-address socket for connections to the pod IP.

import { createConnection, createServer, type Socket } from "node:net";

export interface PodRelay {
  close(): Promise<void>;
}

export async function startPodRelay(podIp: string, port: number, target: () => number): Promise<PodRelay> {
  const sockets = new Set<Socket>();
  const server = createServer((downstream) => {
    const upstream = createConnection({ host: "127.0.0.1", port: target() });
    for (const socket of [downstream, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        downstream.destroy();
        upstream.destroy();
      });
    }
    downstream.pipe(upstream);
    upstream.pipe(downstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: podIp, port, reusePort: true }, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}
