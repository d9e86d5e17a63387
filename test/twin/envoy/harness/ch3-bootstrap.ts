// A ch3 lab's own Envoy configuration file, moved onto loopback: listeners at kernel-picked ports of 127.0.0.1,
// and the cluster host the book names (`httpbin`, Docker DNS) pointed at the local httpbin. Nothing else changes.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { EnvoyBootstrap } from "./start-envoy.js";
import { loopbackAddress } from "./start-envoy.js";
import { TwinError } from "./twin-error.js";

interface SocketAddress {
  address?: string;
  port_value?: number;
}

/** The loopback bootstrap and each listener's port inside the container (what `docker -p` maps). */
export interface Ch3Bootstrap {
  bootstrap: EnvoyBootstrap;
  /** Container port -> listener name (the admin API is not a listener). */
  listenerByPort: ReadonlyMap<number, string>;
  adminPort: number;
}

export type Json = Record<string, unknown>;
const asRecord = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asRecord) : []);

/** Changes a lab's configuration as read (only the deliberately broken configurations of the tests). */
export type MutateConfig = (file: string, config: Json) => Json;

// Reads `file` (relative to the project root) and points every endpoint at `hosts[address]`.
export function loadCh3Bootstrap(projectRoot: string, file: string, hosts: ReadonlyMap<string, number>, mutate: MutateConfig = (_file, config) => config): Ch3Bootstrap {
  const config = mutate(file, asRecord(parse(readFileSync(join(projectRoot, file), "utf8"))));
  const adminPort = asRecord(asRecord(asRecord(config.admin).address).socket_address).port_value;
  if (typeof adminPort !== "number") throw new TwinError(`${file} has no admin port`);
  const resources = asRecord(config.static_resources);
  const listenerByPort = new Map<number, string>();
  const listeners = asList(resources.listeners).map((listener) => {
    const port = asRecord(asRecord(listener.address).socket_address).port_value;
    if (typeof port === "number" && typeof listener.name === "string") listenerByPort.set(port, listener.name);
    return { ...listener, address: loopbackAddress() };
  });
  const clusters = asList(resources.clusters).map((cluster) => ({ ...cluster, load_assignment: pointEndpoints(cluster.load_assignment, hosts, file) }));
  return { bootstrap: { ...config, static_resources: { ...resources, listeners, clusters } }, listenerByPort, adminPort };
}

// Rewrites each endpoint's socket address host:port to 127.0.0.1:<the stand-in's port>.
function pointEndpoints(assignment: unknown, hosts: ReadonlyMap<string, number>, file: string): Json {
  const record = asRecord(assignment);
  const endpoints = asList(record.endpoints).map((locality) => ({
    ...locality,
    lb_endpoints: asList(locality.lb_endpoints).map((lbEndpoint) => {
      const endpoint = asRecord(lbEndpoint.endpoint);
      const socket = asRecord(asRecord(endpoint.address).socket_address) as SocketAddress;
      const port = socket.address === undefined ? undefined : hosts.get(socket.address);
      if (port === undefined) throw new TwinError(`${file} names the host ${socket.address ?? "(none)"}, which the twin does not run`);
      return { ...lbEndpoint, endpoint: { ...endpoint, address: { socket_address: { ...socket, address: "127.0.0.1", port_value: port } } } };
    }),
  }));
  return { ...record, endpoints };
}
