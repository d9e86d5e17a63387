// kube-proxy's NodePorts, as kind's port mappings expose them on the host: 127.0.0.1:<nodePort> of every
// NodePort Service relays to one of its ready endpoints (EndpointSlices, read at each connection).

import { createConnection, createServer, type Server, type Socket } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import type { Kube, KubeObject } from "../../../core/kube.js";

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

interface Slice {
  endpoints?: { addresses?: string[]; conditions?: { ready?: boolean } }[];
  ports?: { name?: string; port?: number }[];
}

async function endpointOf(kube: Kube, namespace: string, service: string, port: ServicePort): Promise<{ host: string; port: number } | undefined> {
  const slices = (await kube.list({ apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", namespace, labelSelector: `kubernetes.io/service-name=${service}` })) as unknown as Slice[];
  for (const slice of slices) {
    const target = slice.ports?.find((candidate) => (candidate.name ?? "") === (port.name ?? ""))?.port;
    const address = slice.endpoints?.find((endpoint) => endpoint.conditions?.ready !== false)?.addresses?.[0];
    if (target !== undefined && address !== undefined) return { host: address, port: target };
  }
  return undefined;
}

export interface NodePorts {
  stop(): Promise<void>;
}

export function startNodePorts(kube: Kube, log: (line: string) => void): NodePorts {
  const servers = new Map<number, { server: Server; sockets: Set<Socket> }>();
  const controller = new AbortController();
  const open = async (nodePort: number, namespace: string, service: string, port: ServicePort): Promise<void> => {
    const sockets = new Set<Socket>();
    const server = createServer((downstream) => {
      sockets.add(downstream);
      downstream.on("close", () => sockets.delete(downstream));
      downstream.pause();
      endpointOf(kube, namespace, service, port).then((endpoint) => {
        if (endpoint === undefined) {
          downstream.destroy();
          return;
        }
        const upstream = createConnection(endpoint);
        sockets.add(upstream);
        upstream.on("close", () => sockets.delete(upstream));
        upstream.on("error", () => downstream.destroy());
        downstream.on("error", () => upstream.destroy());
        downstream.pipe(upstream);
        upstream.pipe(downstream);
        downstream.resume();
      }, () => downstream.destroy());
    });
    await new Promise<void>((resolve) => {
      server.once("error", (error) => {
        log(`NodePort ${nodePort} (${namespace}/${service}): ${error.message}`);
        resolve();
      });
      server.listen(nodePort, "127.0.0.1", () => {
        servers.set(nodePort, { server, sockets });
        resolve();
      });
    });
  };
  const reconcile = async (): Promise<void> => {
    const services = await kube.list({ apiVersion: "v1", kind: "Service" });
    const wanted = new Map<number, { namespace: string; name: string; port: ServicePort }>();
    for (const service of services as (KubeObject & { spec?: { type?: string; ports?: ServicePort[] } })[]) {
      if (service.spec?.type !== "NodePort" && service.spec?.type !== "LoadBalancer") continue;
      for (const port of service.spec.ports ?? []) if (port.nodePort !== undefined) wanted.set(port.nodePort, { namespace: service.metadata.namespace ?? "default", name: service.metadata.name, port });
    }
    for (const [nodePort, entry] of servers) {
      if (wanted.has(nodePort)) continue;
      servers.delete(nodePort);
      entry.server.close();
      entry.sockets.forEach((socket) => socket.destroy());
    }
    for (const [nodePort, target] of wanted) if (!servers.has(nodePort)) await open(nodePort, target.namespace, target.name, target.port);
  };
  const loop = (async () => {
    while (!controller.signal.aborted) {
      await reconcile().catch((error: Error) => log(`node ports: ${error.message}`));
      await delay(1_000, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      controller.abort();
      await loop;
      for (const entry of servers.values()) {
        entry.server.close();
        entry.sockets.forEach((socket) => socket.destroy());
      }
    },
  };
}
