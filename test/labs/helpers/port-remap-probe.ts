// The network edge, re-pointed: the labs' checks name the cluster's fixed host ports (30000, 30006), and a
// test answers on ephemeral ports of 127.0.0.1. Every request keeps its spec but goes to the mapped port.

import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { HttpRequestSpec, TcpRequestSpec } from "../../../engine/lab-types.js";
import type { Probe } from "../../../engine/probes/probe-types.js";

// A probe sending port p to ports.get(p), and every other port to `unmapped` (so nothing real is reached).
export function remapPorts(inner: Probe, ports: ReadonlyMap<number, number>, unmapped: number): Probe {
  const target = <T extends HttpRequestSpec | TcpRequestSpec>(spec: T): T => ({ ...spec, port: ports.get(spec.port) ?? unmapped });
  return {
    http: (spec, signal) => inner.http(target(spec), signal),
    tcp: (spec, signal) => inner.tcp(target(spec), signal),
    // The command a person would type names the lab's own port, not the test's.
    equivalent: (spec, kind) => inner.equivalent(spec, kind),
    close: () => inner.close(),
  };
}

// A port of 127.0.0.1 nobody listens on (bound once, then released): connecting to it is refused.
export async function closedLocalPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
