// istiod: pilot-discovery of the twin's istio.io/istio build against the twin's API server, its xDS, monitoring
// and debug ports on TWIN_NET.istiodIp (debug on 15080: 8080 is the gateway's), the Istio CA from ROOT_CA_DIR, no webhooks. Two feature flags keep out
// filters only Istio's Envoy build registers (metadata exchange, ALPN override).

import { join } from "node:path";
import { TWIN_NET } from "./twin-paths.js";
import { startTwinProcess, type TwinProcess } from "./twin-process.js";
import { waitFor } from "./wait-for.js";

/** Istio-only Envoy extensions switched off in istiod, so upstream Envoy accepts every pushed resource. */
export const ISTIOD_EXTENSION_FLAGS: Readonly<Record<string, string>> = {
  PILOT_ENABLE_METADATA_EXCHANGE: "false",
  PILOT_ENABLE_ALPN_FILTER: "false",
};

export async function startIstiod(options: { binary: string; kubeconfig: string; caDir: string; logDir: string; stateDir: string }): Promise<TwinProcess> {
  const ip = TWIN_NET.istiodIp;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ISTIOD_EXTENSION_FLAGS,
    POD_NAME: "istiod-twin",
    POD_NAMESPACE: "istio-system",
    REVISION: "default",
    CLUSTER_ID: "Kubernetes",
    ROOT_CA_DIR: options.caDir,
    PILOT_CERT_PROVIDER: "istiod",
    ISTIOD_CUSTOM_HOST: "istiod.istio-system.svc",
    PILOT_ENABLE_GATEWAY_API: "false",
    PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: "false",
    PILOT_ENABLE_AMBIENT: "false",
    INJECTION_WEBHOOK_CONFIG_NAME: "",
    VALIDATION_WEBHOOK_CONFIG_NAME: "",
    JWT_POLICY: "third-party-jwt",
    PILOT_TRACE_SAMPLING: "1",
  };
  const istiod = startTwinProcess("istiod", options.binary, [
    "discovery", `--kubeconfig=${options.kubeconfig}`, `--httpAddr=${ip}:15080`, `--grpcAddr=${ip}:15010`, `--secureGRPCAddr=${ip}:15012`,
    `--monitoringAddr=${ip}:15014`, `--httpsAddr=${ip}:15017`, "--domain=cluster.local", `--meshConfig=${join(options.stateDir, "no-mesh-file")}`,
    "--log_output_level=default:info",
  ], { logDir: options.logDir, env });
  await waitFor("istiod", async () => {
    const res = await fetch(`http://${ip}:15080/ready`).catch((error: Error) => error);
    return res instanceof Error ? res.message : res.ok ? undefined : `ready HTTP ${res.status}`;
  }, { timeoutMs: 120_000, process: istiod });
  return istiod;
}
