// tcp-echo as cjimti/go-echo answers: a banner naming the node and pod on connect, then every line echoed back.

import { createServer, type AddressInfo, type Socket } from "node:net";

export interface TcpStandIn {
  port: number;
  close(): Promise<void>;
}

// Starts the echo server on 127.0.0.1 at a kernel-picked port.
export async function startTcpEchoStandIn(podName: string): Promise<TcpStandIn> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.write(`Welcome, you are connected to node twin-node.\nRunning on Pod ${podName}.\nIn namespace istioinaction.\nWith IP address 127.0.0.1.\nService default.\n`);
    socket.on("data", (chunk) => socket.write(chunk));
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}
