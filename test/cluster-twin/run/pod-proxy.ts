// A pod's Envoy: the gateway's, or an injected pod's istio-proxy, started with its bootstrap and waited for
// until its admin API answers on the pod IP.

import { createServer } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { envoyBootstrap, type ProxyIdentity } from "./envoy-bootstrap.js";
import { workloadCert, type IstioCa } from "./istio-ca.js";
import { startTwinProcess, type TwinProcess } from "./twin-process.js";
import { waitFor } from "./wait-for.js";

export interface RunningProxy {
  process: TwinProcess;
  /** Sidecars: the loopback port the app's outbound calls to port 80 go to. */
  outboundPort?: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address !== null ? address.port : 0;
}

export async function startPodProxy(options: { envoy: string; proxy: ProxyIdentity; ca: IstioCa; podDir: string; logDir: string }): Promise<RunningProxy> {
  const { proxy } = options;
  mkdirSync(options.podDir, { recursive: true });
  const cert = workloadCert(options.ca, options.podDir, proxy.namespace, proxy.serviceAccount);
  const outboundPort = proxy.type === "sidecar" ? await freePort() : undefined;
  const bootstrap = join(options.podDir, "envoy-bootstrap.json");
  writeFileSync(bootstrap, JSON.stringify(envoyBootstrap({ proxy, cert, root: options.ca.root, ...(outboundPort === undefined ? {} : { outboundPort }) }), null, 2));
  const process = startTwinProcess(`envoy-${proxy.namespace}-${proxy.podName}`, options.envoy, [
    "-c", bootstrap, "--disable-hot-restart", "--concurrency", "1", "--log-level", "warning", "--drain-time-s", "1", "--parent-shutdown-time-s", "2",
  ], { logDir: options.logDir });
  try {
    await waitFor(`Envoy of ${proxy.namespace}/${proxy.podName}`, async () => {
      const res = await fetch(`http://${proxy.podIp}:15000/ready`).catch((error: Error) => error);
      return res instanceof Error ? res.message : res.ok ? undefined : `admin /ready HTTP ${res.status}: ${(await res.text()).trim()}`;
    }, { timeoutMs: 30_000, process });
  } catch (error) {
    await process.stop();
    throw error;
  }
  return { process, ...(outboundPort === undefined ? {} : { outboundPort }), stop: () => process.stop() };
}
