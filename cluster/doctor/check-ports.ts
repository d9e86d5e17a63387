import { createServer } from "node:net";
import { HOST_PORT_MAPPINGS } from "../kind/kind-config.js";
import type { DoctorResult } from "./doctor-types.js";

// Resolves true when nothing listens on the port (we could bind it on all interfaces, as Docker does).
export function isPortFree(port: number, host = "0.0.0.0"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

// Ports 30000-30007: free, or held by our own cluster's node container.
export async function checkPorts(heldByCluster: ReadonlySet<number>, isFree: (port: number) => Promise<boolean> = isPortFree): Promise<DoctorResult> {
  const busy: number[] = [];
  for (const mapping of HOST_PORT_MAPPINGS) {
    if (heldByCluster.has(mapping.hostPort)) continue;
    if (!(await isFree(mapping.hostPort))) busy.push(mapping.hostPort);
  }
  const range = "30000-30007";
  if (busy.length === 0) {
    const detail = heldByCluster.size > 0 ? `${range} held by the myk8s cluster or free` : `${range} free`;
    return { name: "Host ports", status: "ok", detail };
  }
  const purposes = busy.map((p) => `${p} (${HOST_PORT_MAPPINGS.find((m) => m.hostPort === p)?.purpose})`);
  return {
    name: "Host ports",
    status: "fail",
    detail: `in use by another program: ${purposes.join(", ")}`,
    fix: `Find the owner with \`lsof -i :${busy[0]}\` (or \`ss -ltnp\`) and stop it; kind needs all of ${range}.`,
  };
}
