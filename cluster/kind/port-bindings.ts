import { HOST_PORT_MAPPINGS } from "./kind-config.js";

type PortBindings = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null>;

// Reads `docker inspect --format '{{json .HostConfig.PortBindings}}'` into containerPort -> hostPort.
export function parsePortBindings(json: string): Map<number, number> {
  const bindings = JSON.parse(json) as PortBindings | null;
  const mapped = new Map<number, number>();
  for (const [key, hosts] of Object.entries(bindings ?? {})) {
    const containerPort = Number.parseInt(key, 10);
    const hostPort = Number.parseInt(hosts?.[0]?.HostPort ?? "", 10);
    if (Number.isFinite(containerPort) && Number.isFinite(hostPort)) mapped.set(containerPort, hostPort);
  }
  return mapped;
}

// The expected mappings a running node lacks or maps elsewhere; empty means the cluster matches.
export function missingPortMappings(mapped: Map<number, number>): string[] {
  return HOST_PORT_MAPPINGS.filter((m) => mapped.get(m.containerPort) !== m.hostPort).map(
    (m) => `${m.hostPort} (${m.purpose})`,
  );
}
