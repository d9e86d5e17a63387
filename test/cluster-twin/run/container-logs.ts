// `kubectl logs` for the stand-ins: their log lines appended in the CRI format kwok's Logs simulation reads
// (`<RFC3339Nano> stdout F <line>`), stamped when the runtime copies them (every 500 ms), so --since-time works.

import { appendFileSync, writeFileSync } from "node:fs";
import type { KubeObject } from "../../../core/kube.js";

export interface ContainerLog {
  file: string;
  /** Copies the lines logged since the last call. */
  flush(): void;
}

export function containerLog(file: string, read: () => string): ContainerLog {
  writeFileSync(file, "");
  let copied = 0;
  return {
    file,
    flush() {
      const text = read();
      if (text.length <= copied) return;
      const stamp = new Date().toISOString().replace("Z", "000000Z");
      const lines = text.slice(copied).split("\n").filter((line) => line !== "");
      copied = text.length;
      if (lines.length > 0) appendFileSync(file, lines.map((line) => `${stamp} stdout F ${line}\n`).join(""));
    },
  };
}

export function podLogs(namespace: string, name: string, container: string, file: string): KubeObject {
  return {
    apiVersion: "kwok.x-k8s.io/v1alpha1",
    kind: "Logs",
    metadata: { name, namespace },
    spec: { logs: [{ containers: [container], logsFile: file, follow: true }] },
  };
}
