// tcp-echo as cjimti/go-echo answers: a banner naming the node and pod on connect, then every line echoed back.

import { createServer, type Socket } from "node:net";
import { listenOnLoopback, type LoopbackStandIn } from "./listen-loopback.js";

export type TcpStandIn = LoopbackStandIn;

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
  return listenOnLoopback(server, () => sockets.forEach((socket) => socket.destroy()));
}
