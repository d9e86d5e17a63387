// PlatformDeps for tests: the two fakes, a temp work dir and a virtual clock (sleep advances time at once).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Exec } from "../../core/exec.js";
import type { Kube } from "../../core/kube.js";
import { resolveClusterIdentity } from "../../cluster/cluster-identity.js";
import type { PlatformDeps } from "../../cluster/install/platform-types.js";

export const TEST_TOOLS = { kind: "kind", kubectl: "kubectl", istioctl: "istioctl", helm: "helm", istioDir: "/tools/istio-1.17.8" };

export function tempWorkDir(): string {
  return mkdtempSync(join(tmpdir(), "istio-lab-platform-"));
}

export function platformDeps(kube: Kube, exec: Exec, workDir: string = tempWorkDir()): PlatformDeps & { logs: string[] } {
  let clock = 1_700_000_000_000;
  const logs: string[] = [];
  return {
    exec,
    kube: async () => kube,
    tools: TEST_TOOLS,
    cluster: resolveClusterIdentity("kind-myk8s"),
    workDir,
    log: (line) => logs.push(line),
    signal: new AbortController().signal,
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    logs,
  };
}
