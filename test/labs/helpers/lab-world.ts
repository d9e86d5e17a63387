// A world the labs' checks run against: a real HTTP server on 127.0.0.1 standing in for the ingress
// gateway (reached through the lab's port 30000), nothing on the TLS port (30006), a fake Kube and a fake
// Exec for istioctl and the egress probe. Fakes only at the three edges; the checks run unchanged.

import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LabContext } from "../../../engine/lab-context.js";
import { createNodeProbe } from "../../../engine/probes/node-probe.js";
import { HTTP_PORT, TLS_PORT } from "../../../labs/shared/traffic.js";
import { createFakeExec, type CannedAnswer } from "../../fakes/fake-exec.js";
import { FakeKube } from "../../fakes/fake-kube.js";
import { createTestContext } from "../../engine/execute/helpers/test-context.js";
import { startTestServer, type TestServer } from "../../engine/execute/helpers/test-server.js";
import { closedLocalPort, remapPorts } from "./port-remap-probe.js";

/** The text of a fixture of test/labs/fixtures. */
export function readLabFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

// istioctl and docker as they answer on a cluster where catalog has no routing rules:
// `proxy-config routes` prints the default routes (sidecar or gateway), `proxy-config cluster` prints `[]`,
// `analyze -n <ns>` finds nothing (its success line goes to stderr), and `docker exec <node> curl ...`
// (the egress probe) fails as it does with no engine.
export function answerWithoutRoutingRules(file: string, args: readonly string[]): CannedAnswer {
  if (file === "docker") return Object.assign(new Error("spawn docker ENOENT"), { code: "ENOENT" });
  if (file === "istioctl" && args[0] === "analyze") {
    const namespace = args[args.indexOf("-n") + 1] ?? "default";
    return { stderr: `\u2714 No validation issues found when analyzing namespace: ${namespace}.\n` };
  }
  if (file !== "istioctl" || args[0] !== "proxy-config") return new Error(`unexpected command: ${file} ${args.join(" ")}`);
  if (args[1] === "cluster") return { stdout: "[]\n" };
  if (args[1] !== "routes") return new Error(`unexpected proxy-config resource: ${args[1]}`);
  const target = args[2] ?? "";
  if (target === "deploy/istio-ingressgateway.istio-system") return { stdout: readLabFixture("gateway-routes-default.json") };
  if (target.startsWith("deploy/webapp.")) return { stdout: readLabFixture("webapp-routes-default.json") };
  return { exitCode: 1, stderr: `Error: failed to retrieve Pod from ${target}: no pods found` };
}

/** The context over the world's edges, what ran through the Exec edge, and how to tear it down. */
export interface LabWorld {
  ctx: LabContext;
  kube: FakeKube;
  server: TestServer;
  /** Every process command line, as a person would type it. */
  commands: string[];
  close(): Promise<void>;
}

export interface LabWorldOptions {
  /** The stand-in ingress gateway (the lab's port 30000). */
  gateway: (request: IncomingMessage, response: ServerResponse) => void;
  kube?: FakeKube;
  exec?: (file: string, args: readonly string[]) => CannedAnswer;
}

// Starts the world; the caller closes it.
export async function openLabWorld(options: LabWorldOptions): Promise<LabWorld> {
  const server = await startTestServer(options.gateway);
  const closedPort = await closedLocalPort();
  const fake = createFakeExec(options.exec ?? answerWithoutRoutingRules);
  const base = createTestContext({ kube: options.kube ?? new FakeKube(), exec: fake.exec });
  base.ctx.probe.close();
  const ports = new Map([
    [HTTP_PORT, server.port],
    [TLS_PORT, closedPort],
  ]);
  const probe = remapPorts(createNodeProbe({ certs: base.ctx.certs, timeoutMs: 2_000 }), ports, closedPort);
  return {
    ctx: { ...base.ctx, probe },
    kube: base.kube,
    server,
    commands: fake.commands,
    close: async () => {
      probe.close();
      await server.close();
    },
  };
}
