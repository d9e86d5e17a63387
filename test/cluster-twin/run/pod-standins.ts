// The app container of a pod, played by the envoy twin's stand-ins (chosen by image, as there): catalog (v2
// with SHOW_IMAGE), webapp, tcp-echo, and fake-service with the certificate of the Secret its pod mounts.

import type { Kube } from "../../../core/kube.js";
import { startCatalogStandIn } from "../../twin/envoy/standins/catalog-standin.js";
import { startTcpEchoStandIn } from "../../twin/envoy/standins/tcp-echo-standin.js";
import { startTlsServiceStandIn } from "../../twin/envoy/standins/tls-service-standin.js";
import { startWebappStandIn } from "../../twin/envoy/standins/webapp-standin.js";
import { envOf, type PodContainer, type PodView } from "./pod-spec.js";

export interface RunningStandIn {
  container: string;
  /** The stand-in's own 127.0.0.1 port; the pod's ports relay to it. */
  port: number;
  /** Its log so far (catalog logs every request as the book's image does). */
  log?: () => string;
  stop(): Promise<void>;
}

/** Where webapp's catalog calls go: its sidecar's outbound listener (or catalog itself without one). */
export type WebappUpstream = () => number;

async function secretPem(kube: Kube, pod: PodView, container: PodContainer): Promise<{ cert: string; key: string } | undefined> {
  const mounted = new Set((container.volumeMounts ?? []).map((mount) => mount.name));
  const secretName = pod.volumes.find((volume) => mounted.has(volume.name) && volume.secret?.secretName !== undefined)?.secret?.secretName;
  if (secretName === undefined) return undefined;
  const secret = await kube.get({ apiVersion: "v1", kind: "Secret", name: secretName, namespace: pod.namespace });
  const data = (secret?.["data"] ?? {}) as Record<string, string>;
  if (data["tls.crt"] === undefined || data["tls.key"] === undefined) return undefined;
  return { cert: Buffer.from(data["tls.crt"], "base64").toString("utf8"), key: Buffer.from(data["tls.key"], "base64").toString("utf8") };
}

// The stand-in for the pod's first container that has one; undefined when the twin has none for its image.
export async function startStandIn(kube: Kube, pod: PodView, webappUpstream: WebappUpstream): Promise<RunningStandIn | undefined> {
  for (const container of pod.containers) {
    const image = container.image ?? "";
    const base = { container: container.name };
    if (image.startsWith("istioinaction/catalog")) {
      const catalog = await startCatalogStandIn(envOf(container, "SHOW_IMAGE") === "true" ? "v2" : "v1");
      return { ...base, port: catalog.server.port, log: catalog.log, stop: catalog.close };
    }
    if (image.startsWith("istioinaction/webapp")) {
      const webapp = await startWebappStandIn(webappUpstream);
      return { ...base, port: webapp.port, stop: webapp.close };
    }
    if (image.startsWith("cjimti/go-echo")) {
      const echo = await startTcpEchoStandIn(pod.name);
      return { ...base, port: echo.port, stop: echo.close };
    }
    if (image.startsWith("nicholasjackson/fake-service")) {
      const pem = await secretPem(kube, pod, container);
      if (pem === undefined) throw new Error(`the TLS Secret ${container.name} mounts is not there (yet)`);
      const service = await startTlsServiceStandIn(envOf(container, "NAME") ?? pod.name, envOf(container, "MESSAGE") ?? "", pem.cert, pem.key);
      return { ...base, port: service.port, stop: service.close };
    }
  }
  return undefined;
}
