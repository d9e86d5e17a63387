// A cluster at the platform baseline, as objects (what `up` leaves behind), for the in-memory FakeKube.
import { REGISTRY_MIRRORS } from "../../cluster/mirror/registry-mirrors.js";
import type { KubeObject } from "../../core/kube.js";
import { HOST_PORT_MAPPINGS, KIND_NODE_CONTAINER } from "../../cluster/kind/kind-config.js";
import type { ExecHandler } from "../fakes/fake-exec.js";

export const KUBE_SYSTEM_UID = "0b6f1c2e-uid-of-kube-system";

const namespace = (name: string, labels?: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name, ...(labels ? { labels } : {}), ...(name === "kube-system" ? { uid: KUBE_SYSTEM_UID } : {}) },
});

export function readyDeployment(namespace: string, name: string, image: string, container = name, env: Array<{ name: string; value: string }> = []): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, generation: 1, labels: { app: name } },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { spec: { containers: [{ name: container, image, env }] } } },
    status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
  };
}

const service = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name, namespace: "istio-system" }, spec });
const secret = (name: string, type: string): KubeObject => ({ apiVersion: "v1", kind: "Secret", metadata: { name, namespace: "istio-system" }, type });

export function meshConfigMap(mode: "ALLOW_ANY" | "REGISTRY_ONLY"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "istio", namespace: "istio-system" },
    data: { mesh: `accessLogFile: /dev/stdout\ndefaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\noutboundTrafficPolicy:\n  mode: ${mode}\nrootNamespace: istio-system\n` },
  };
}

// Everything `up` creates, at baseline.
export function baselineObjects(): KubeObject[] {
  return [
    ...["default", "kube-system", "kube-public", "kube-node-lease", "local-path-storage", "istio-system"].map((n) => namespace(n)),
    namespace("istioinaction", { "istio-injection": "enabled" }),
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace: "istioinaction" } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "istio-ca-root-cert", namespace: "istioinaction" } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "istioinaction" } },
    readyDeployment("istio-system", "istiod", "docker.io/istio/pilot:1.17.8", "discovery", [{ name: "PILOT_TRACE_SAMPLING", value: "1" }]),
    readyDeployment("istio-system", "istio-ingressgateway", "docker.io/istio/proxyv2:1.17.8", "istio-proxy"),
    service("istio-ingressgateway", {
      type: "NodePort",
      externalTrafficPolicy: "Local",
      ports: [
        { name: "status-port", port: 15021, targetPort: 15021, nodePort: 32021 },
        { name: "http2", port: 80, targetPort: 8080, nodePort: 30000 },
        { name: "https", port: 443, targetPort: 8443, nodePort: 30005 },
        { name: "tcp", port: 31400, targetPort: 31400, nodePort: 30006 },
      ],
    }),
    service("istiod", { type: "ClusterIP", ports: [{ port: 15012 }] }),
    meshConfigMap("ALLOW_ANY"),
    readyDeployment("istio-system", "prometheus", "prom/prometheus:v2.34.0", "prometheus-server"),
    readyDeployment("istio-system", "grafana", "grafana/grafana:9.0.1"),
    readyDeployment("istio-system", "kiali", "quay.io/kiali/kiali:v1.63"),
    readyDeployment("istio-system", "jaeger", "docker.io/jaegertracing/all-in-one:1.35"),
    service("prometheus", { type: "NodePort", ports: [{ name: "http", port: 9090, targetPort: 9090, nodePort: 30001 }] }),
    service("grafana", { type: "NodePort", ports: [{ name: "service", port: 3000, targetPort: 3000, nodePort: 30002 }] }),
    service("kiali", { type: "NodePort", ports: [{ name: "http", port: 20001, targetPort: 20001, nodePort: 30003 }, { name: "http-metrics", port: 9090, targetPort: 9090, nodePort: 32090 }] }),
    service("tracing", { type: "NodePort", ports: [{ name: "http-query", port: 80, targetPort: 16686, nodePort: 30004 }, { name: "grpc-query", port: 16685, targetPort: 16685, nodePort: 32685 }] }),
    readyDeployment("istio-system", "flagger", "ghcr.io/fluxcd/flagger:1.29.0"),
    { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "canaries.flagger.app" } },
    secret("istio-ca-secret", "istio.io/ca-root"),
    secret("flagger-token-x7k2p", "kubernetes.io/service-account-token"),
    secret("sh.helm.release.v1.flagger.v1", "helm.sh/release.v1"),
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "MutatingWebhookConfiguration", metadata: { name: "istio-sidecar-injector" } },
    { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingWebhookConfiguration", metadata: { name: "istio-validator-istio-system" } },
  ];
}

/** `docker inspect` output of a node with the given host ports mapped. */
export function portBindingsJson(hostPorts: readonly number[] = HOST_PORT_MAPPINGS.map((m) => m.hostPort)): string {
  return JSON.stringify(Object.fromEntries(hostPorts.map((p) => [`${p}/tcp`, [{ HostIp: "", HostPort: String(p) }]])));
}

// Answers the read-only commands of a healthy machine: Docker 27 with a kind network, the myk8s cluster running.
export function healthyMachine(options: { hostPorts?: readonly number[]; dockerVersion?: string; kindNetwork?: boolean; mirrors?: "running" | "absent" } = {}): ExecHandler {
  return (file, args) => {
    const line = [file, ...args].join(" ");
    // The registry mirrors: `docker inspect --format ... <names>` prints one line per container it knows.
    if (line.startsWith("docker inspect --format") && line.includes("istio-lab-mirror-")) {
      if (options.mirrors === "absent") return { exitCode: 1, stderr: "Error: No such object" };
      return { stdout: REGISTRY_MIRRORS.map((mirror) => `/${mirror.container} true bridge,kind,`).join("\n") + "\n" };
    }
    if (line.startsWith("docker version")) return { stdout: `${options.dockerVersion ?? "27.1.1"}\n` };
    if (line === "docker network inspect kind") return (options.kindNetwork ?? true) ? { stdout: "[]" } : { exitCode: 1, stderr: "Error: No such network: kind" };
    if (line === "kind get clusters") return { stdout: "myk8s\n" };
    if (line.startsWith(`docker inspect ${KIND_NODE_CONTAINER}`)) return { stdout: `true|${portBindingsJson(options.hostPorts)}\n` };
    return undefined;
  };
}
