// What a kind cluster with `istioctl install` holds besides our own objects: the namespaces and the
// Services of Kubernetes and istiod. Their ports are Kubernetes' and Istio's own (not the project's); no pods
// back them here, and outbound config uses only the Service ports.

import type { KubeObject } from "../../../core/kube.js";
import { INJECTION_LABEL, LAB_NAMESPACE } from "../../../platform/snapshot-kinds.js";

function namespace(name: string, labels?: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, ...(labels === undefined ? {} : { labels }) } };
}

function service(name: string, ns: string, selector: Record<string, string>, ports: Array<{ name: string; port: number; protocol?: string }>): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns, labels: selector },
    spec: { type: "ClusterIP", selector, ports: ports.map((p) => ({ protocol: "TCP", targetPort: p.port, ...p })) },
  };
}

// The namespaces (istioinaction with sidecar injection on, as `up` labels it) and the platform Services.
export function platformObjects(): KubeObject[] {
  return [
    namespace("default"),
    namespace("kube-system"),
    namespace("istio-system"),
    namespace(LAB_NAMESPACE, { [INJECTION_LABEL]: "enabled" }),
    { ...service("kubernetes", "default", {}, [{ name: "https", port: 443 }]), spec: { type: "ClusterIP", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] } },
    service("kube-dns", "kube-system", { "k8s-app": "kube-dns" }, [
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53 },
      { name: "metrics", port: 9153 },
    ]),
    service("istiod", "istio-system", { app: "istiod", istio: "pilot" }, [
      { name: "grpc-xds", port: 15010 },
      { name: "https-dns", port: 15012 },
      { name: "https-webhook", port: 443 },
      { name: "http-monitoring", port: 15014 },
    ]),
  ];
}
