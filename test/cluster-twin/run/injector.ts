// Sidecar injection, in istiod's place (its injector needs the istio-sidecar-injector chart values): a mutating
// webhook that adds an `istio-proxy` container to pods of namespaces labelled istio-injection=enabled, as
// `kubectl get pod` shows it (2/2). The twin's pod runtime then runs an Envoy for it. The pods get no
// security.istio.io/tlsMode label: the stand-ins speak plain text, so istiod must not send them Istio mTLS.

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { KubeObject } from "../../../core/kube.js";
import { TWIN_NET } from "./twin-paths.js";
import type { CertFiles } from "./twin-pki.js";
import { TWIN_PROXY_IMAGE } from "./istio-objects.js";

export const INJECTOR_NAME = "istio-lab-twin-sidecar-injector";

interface AdmissionReview {
  request?: { uid?: string; object?: { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: { name?: string }[] } } };
}

export function injectionPatch(pod: NonNullable<AdmissionReview["request"]>["object"]): unknown[] {
  if ((pod?.spec?.containers ?? []).some((container) => container.name === "istio-proxy")) return [];
  const annotations = { ...(pod?.metadata?.annotations ?? {}), "sidecar.istio.io/status": JSON.stringify({ containers: ["istio-proxy"], injector: INJECTOR_NAME }) };
  return [
    { op: "add", path: "/spec/containers/-", value: { name: "istio-proxy", image: TWIN_PROXY_IMAGE, ports: [{ containerPort: 15090, name: "http-envoy-prom", protocol: "TCP" }] } },
    { op: "add", path: "/metadata/annotations", value: annotations },
  ];
}

export async function startInjector(cert: CertFiles): Promise<Server> {
  const server = createServer({ cert: readFileSync(cert.cert), key: readFileSync(cert.key) }, (request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const review = JSON.parse(body || "{}") as AdmissionReview;
      const patch = injectionPatch(review.request?.object);
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({
        apiVersion: "admission.k8s.io/v1",
        kind: "AdmissionReview",
        response: { uid: review.request?.uid ?? "", allowed: true, ...(patch.length > 0 ? { patchType: "JSONPatch", patch: Buffer.from(JSON.stringify(patch)).toString("base64") } : {}) },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(TWIN_NET.injectorPort, "127.0.0.1", resolve));
  return server;
}

export function injectorWebhook(caFile: string): KubeObject {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "MutatingWebhookConfiguration",
    metadata: { name: INJECTOR_NAME },
    webhooks: [{
      name: "sidecar-injector.istio-lab-twin.local",
      clientConfig: { url: `https://127.0.0.1:${TWIN_NET.injectorPort}/inject`, caBundle: readFileSync(caFile).toString("base64") },
      rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["pods"] }],
      namespaceSelector: { matchLabels: { "istio-injection": "enabled" } },
      objectSelector: { matchExpressions: [{ key: "sidecar.istio.io/inject", operator: "NotIn", values: ["false"] }] },
      sideEffects: "None",
      admissionReviewVersions: ["v1"],
      failurePolicy: "Fail",
      reinvocationPolicy: "Never",
    }],
  };
}
