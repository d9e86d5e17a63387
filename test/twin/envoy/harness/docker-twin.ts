// The ch3 labs' own `docker` actions, performed on loopback: `docker run` of the Envoy image starts a real Envoy
// with the mounted configuration, of the httpbin image a local httpbin; `docker rm -f` stops them; each `-p
// 127.0.0.1:<host>:<container>` becomes an entry of the address map the probe reads (host port -> actual port).

import type { Action } from "../../../../engine/lab-types.js";
import { PROJECT_ROOT_TOKEN } from "../../../../engine/execute/actions/docker-action.js";
import { ENVOY_IMAGE, HTTPBIN_IMAGE } from "../../../../labs/shared/envoy-docker.js";
import { loadCh3Bootstrap, type MutateConfig } from "./ch3-bootstrap.js";
import { startEnvoy } from "./start-envoy.js";
import { startHttpbin } from "./start-httpbin.js";
import { TwinError } from "./twin-error.js";

interface Container {
  /** Host ports this container published. */
  hostPorts: number[];
  stop(): Promise<void>;
}

/** Docker on loopback for the ch3 labs. */
export interface DockerTwin {
  /** Host port -> the loopback port really serving it; read by the test's probe at every request. */
  readonly ports: Map<number, number>;
  run(action: Extract<Action, { kind: "docker" }>): Promise<void>;
  close(): Promise<void>;
}

/** Where a container's network alias points (httpbin's `--network-alias httpbin`). */
const NETWORK_ALIAS = "httpbin";

// `-p 127.0.0.1:H:C` pairs of a run command.
function publishedPorts(args: readonly string[]): { host: number; container: number }[] {
  return args.flatMap((arg, index) => {
    if (args[index - 1] !== "-p") return [];
    const match = /^127\.0\.0\.1:(\d+):(\d+)$/.exec(arg);
    if (match === null) throw new TwinError(`unsupported port mapping -p ${arg}`);
    return [{ host: Number(match[1]), container: Number(match[2]) }];
  });
}

const valueAfter = (args: readonly string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];

// A twin of Docker for `projectRoot`'s lab files; `mutate` breaks a configuration on purpose (tests only).
export function createDockerTwin(projectRoot: string, mutate?: MutateConfig): DockerTwin {
  const ports = new Map<number, number>();
  const containers = new Map<string, Container>();
  const hosts = new Map<string, number>();
  let httpbinName = "";

  async function remove(name: string): Promise<void> {
    const container = containers.get(name);
    if (container === undefined) return;
    containers.delete(name);
    container.hostPorts.forEach((port) => ports.delete(port));
    if (name === httpbinName) hosts.delete(NETWORK_ALIAS);
    await container.stop();
  }

  async function run(args: readonly string[]): Promise<void> {
    const name = valueAfter(args, "--name");
    if (name === undefined) throw new TwinError(`docker run without --name: ${args.join(" ")}`);
    const published = publishedPorts(args);
    if (args.includes(HTTPBIN_IMAGE)) {
      const httpbin = await startHttpbin();
      httpbinName = name;
      hosts.set(NETWORK_ALIAS, httpbin.port);
      published.forEach(({ host }) => ports.set(host, httpbin.port));
      containers.set(name, { hostPorts: published.map(({ host }) => host), stop: httpbin.stop });
      return;
    }
    if (!args.includes(ENVOY_IMAGE)) throw new TwinError(`the twin runs no image of: docker ${args.join(" ")}`);
    const mount = /^\{projectRoot\}\/(.+):\/etc\/envoy\/envoy\.yaml(:ro)?$/.exec(valueAfter(args, "-v") ?? "");
    if (mount?.[1] === undefined) throw new TwinError(`Envoy run without the ${PROJECT_ROOT_TOKEN}/<config> mount: ${args.join(" ")}`);
    const loaded = loadCh3Bootstrap(projectRoot, mount[1], hosts, mutate);
    const envoy = await startEnvoy(loaded.bootstrap);
    for (const { host, container } of published) {
      const listener = loaded.listenerByPort.get(container);
      const actual = container === loaded.adminPort ? envoy.adminPort : listener === undefined ? undefined : envoy.listenerPorts.get(listener);
      if (actual === undefined) throw new TwinError(`-p ${host}:${container}: the configuration has nothing on ${container}`);
      ports.set(host, actual);
    }
    containers.set(name, { hostPorts: published.map(({ host }) => host), stop: envoy.stop });
  }

  return {
    ports,
    async run(action) {
      const [verb, ...rest] = action.args;
      if (verb === "network") return; // One loopback: networks and aliases need no twin.
      if (verb === "rm") return void (await Promise.all(rest.filter((arg) => !arg.startsWith("-")).map(remove)));
      if (verb === "run") return run(rest);
      throw new TwinError(`the twin does not perform docker ${verb ?? ""}`);
    },
    async close() {
      await Promise.all([...containers.keys()].map(remove));
    },
  };
}
