// kwok's per-pod simulation objects: exec runs locally with TWIN_POD_IP set for the shims (exec-shims.ts),
// port-forward to the pod's IP (istioctl proxy-config port-forwards to the Envoy admin port 15000).

import type { KubeObject } from "../../../core/kube.js";

export function podExec(namespace: string, name: string, podIp: string, workDir: string): KubeObject {
  return {
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "Exec",
    metadata: { name, namespace },
    spec: { execs: [{ local: { workDir, envs: [{ name: "TWIN_POD_IP", value: podIp }] } }] },
  };
}

export function podPortForward(namespace: string, name: string, podIp: string, ports: readonly number[]): KubeObject {
  return {
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "PortForward",
    metadata: { name, namespace },
    spec: { forwards: ports.map((port) => ({ ports: [port], target: { port, address: podIp } })) },
  };
}
