// The stand-ins for a state's Deployments, chosen by image: catalog (v2 when SHOW_IMAGE), webapp, tcp-echo and
// the SNI backends with their own certificates. Images the twin has no stand-in for run nothing.

import type { KubeObject } from "../../../../core/kube.js";
import type { CertStore } from "../../../../engine/certs/cert-types.js";
import { startCatalogStandIn } from "../standins/catalog-standin.js";
import { startTcpEchoStandIn } from "../standins/tcp-echo-standin.js";
import { startTlsServiceStandIn } from "../standins/tls-service-standin.js";
import { startWebappStandIn } from "../standins/webapp-standin.js";
import type { StandInWorkload } from "./cluster-endpoints.js";
import { objectsOfKind, type ReplayedState } from "./replay-objects.js";

interface Container {
  name?: string;
  image?: string;
  env?: { name: string; value?: string }[];
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers?: Container[]; volumes?: { secret?: { secretName?: string } }[] };
}

/** A running stand-in, its log (if it writes one) and how to stop it. */
export interface RunningStandIn extends StandInWorkload {
  /** The app container's name (what `kubectl logs -c` names). */
  container: string;
  log?: () => string;
  /** Changes the stand-in's state like `kubectl exec ... curl <path>` inside its pod (catalog's blowup). */
  httpPort?: number;
  stop(): Promise<void>;
}

/** Where webapp sends its catalog calls (its sidecar's outbound listener, or catalog itself). */
export type CatalogUpstream = () => number;

const envOf = (container: Container, name: string): string | undefined => container.env?.find((variable) => variable.name === name)?.value;

// Starts one stand-in per Deployment of the state.
export async function startStandIns(state: ReplayedState, certs: CertStore, webappUpstream: CatalogUpstream): Promise<RunningStandIn[]> {
  const running: RunningStandIn[] = [];
  for (const deployment of objectsOfKind(state, "Deployment")) {
    const template = ((deployment["spec"] ?? {}) as { template?: PodTemplate }).template ?? {};
    const container = template.spec?.containers?.[0] ?? {};
    const base = { namespace: deployment.metadata.namespace ?? "default", deployment: deployment.metadata.name, labels: template.metadata?.labels ?? {}, container: container.name ?? "" };
    const started = await startOne(deployment, container, template, { certs, webappUpstream, state });
    if (started !== undefined) running.push({ ...base, ...started });
  }
  return running;
}

interface StartContext {
  certs: CertStore;
  webappUpstream: CatalogUpstream;
  state: ReplayedState;
}

async function startOne(deployment: KubeObject, container: Container, template: PodTemplate, { certs, webappUpstream, state }: StartContext) {
  const image = container.image ?? "";
  if (image.startsWith("istioinaction/catalog")) {
    const catalog = await startCatalogStandIn(envOf(container, "SHOW_IMAGE") === "true" ? "v2" : "v1");
    return { port: catalog.server.port, httpPort: catalog.server.port, log: catalog.log, stop: catalog.close };
  }
  if (image.startsWith("istioinaction/webapp")) {
    const webapp = await startWebappStandIn(webappUpstream);
    return { port: webapp.port, stop: webapp.close };
  }
  if (image.startsWith("cjimti/go-echo")) {
    const echo = await startTcpEchoStandIn(`${deployment.metadata.name}-twin`);
    return { port: echo.port, stop: echo.close };
  }
  if (image.startsWith("nicholasjackson/fake-service")) {
    const secretName = template.spec?.volumes?.find((volume) => volume.secret?.secretName !== undefined)?.secret?.secretName;
    const name = envOf(container, "NAME") ?? deployment.metadata.name;
    // The mounted Secret's certificate, issued as the lab's tls-secret action asked.
    const secret = state.tlsSecrets.find((action) => action.name === secretName && action.namespace === deployment.metadata.namespace);
    if (secret === undefined) return undefined;
    const issued = await certs.issue(secret.caName, secret.commonName, "server");
    const service = await startTlsServiceStandIn(name, envOf(container, "MESSAGE") ?? "", issued.certPem, issued.keyPem);
    return { port: service.port, stop: service.close };
  }
  return undefined;
}
