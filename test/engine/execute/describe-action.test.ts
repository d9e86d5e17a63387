import { describe, expect, it } from "vitest";
import { describeAction } from "../../../engine/execute/describe-action.js";

describe("describeAction", () => {
  it("prints kubectl apply with -n and the lab file, without --context", () => {
    const line = describeAction({ kind: "apply", file: "labs/ch5-mirror/catalog-vs-mirror.yaml", namespace: "istioinaction" });
    expect(line).toBe("kubectl apply -n istioinaction -f labs/ch5-mirror/catalog-vs-mirror.yaml");
    expect(line).not.toContain("--context");
  });

  it("prints deletes of a target and of a file", () => {
    expect(describeAction({ kind: "delete", target: { apiVersion: "v1", kind: "Service", name: "catalog", namespace: "istioinaction" } })).toBe(
      "kubectl delete service catalog -n istioinaction --ignore-not-found",
    );
    expect(describeAction({ kind: "delete", file: "labs/x.yaml" })).toBe("kubectl delete -f labs/x.yaml --ignore-not-found");
  });

  it("prints exec, rollout and istioctl commands", () => {
    const workload = { namespace: "istioinaction", deployment: "catalog" };
    expect(describeAction({ kind: "exec", workload, container: "catalog", command: ["curl", "-s", "localhost:3000/items"] })).toBe(
      "kubectl exec -n istioinaction deploy/catalog -c catalog -- curl -s localhost:3000/items",
    );
    expect(describeAction({ kind: "rollout", workload })).toBe("kubectl rollout status -n istioinaction deploy/catalog");
    expect(describeAction({ kind: "rollout", workload, gone: true })).toBe("kubectl wait --for=delete -n istioinaction deploy/catalog --timeout=180s");
    expect(describeAction({ kind: "istioctl", args: ["analyze", "-n", "istioinaction"] })).toBe("istioctl analyze -n istioinaction");
  });

  it("prints istioctl install with the rendered operator file in the run folder", () => {
    expect(describeAction({ kind: "mesh-config", outboundTrafficPolicy: "REGISTRY_ONLY" }, undefined, { workDir: "/tmp/run" })).toBe(
      "istioctl install -y -f /tmp/run/istio-operator-registry-only.yaml",
    );
  });

  it("uses the resolved tool paths when given", () => {
    const tools = { kind: "kind", kubectl: "/cache/kubectl", istioctl: "/cache/istioctl", helm: "helm", istioDir: "/cache/istio" };
    expect(describeAction({ kind: "istioctl", args: ["version"] }, tools)).toBe("/cache/istioctl version");
  });

  it("prints kubectl create secret tls with the store's files, and a generic secret when the CA is included", () => {
    const action = { kind: "tls-secret" as const, namespace: "istio-system", name: "webapp-credential", caName: "webapp-ca", commonName: "webapp.istioinaction.io" };
    expect(describeAction(action, undefined, { certDir: "/certs" })).toBe(
      "kubectl create secret tls webapp-credential -n istio-system --cert /certs/webapp-ca/webapp.istioinaction.io.crt --key /certs/webapp-ca/webapp.istioinaction.io.key",
    );
    expect(describeAction({ ...action, withCa: true }, undefined, { certDir: "/certs" })).toContain("--from-file=ca.crt=/certs/webapp-ca/ca.crt");
  });

  it("prints background traffic as the book's while-curl loop", () => {
    const line = describeAction({ kind: "traffic", mode: "start", id: "load", request: { port: 30000, path: "/api/catalog", host: "webapp.istioinaction.io" }, intervalMs: 1000 });
    expect(line).toBe("while true; do curl -s -H 'Host: webapp.istioinaction.io' http://127.0.0.1:30000/api/catalog; sleep 1; done");
  });
});
