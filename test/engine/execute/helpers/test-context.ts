// A LabContext for tests: the fake Kube and Exec, the real node probe on 127.0.0.1, a real cert store in a
// temp folder, and real time.

import { resolveClusterIdentity } from "../../../../cluster/cluster-identity.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Exec } from "../../../../core/exec.js";
import type { LabContext } from "../../../../engine/lab-context.js";
import type { RunState } from "../../../../engine/run-state.js";
import { createCertStore } from "../../../../engine/certs/cert-store.js";
import { createNodeProbe } from "../../../../engine/probes/node-probe.js";
import { FakeKube } from "../../../fakes/fake-kube.js";
import { createFakeExec } from "../../../fakes/fake-exec.js";

// Tool names as if they were on PATH.
export const TEST_TOOLS = { kind: "kind", kubectl: "kubectl", istioctl: "istioctl", helm: "helm", istioDir: "/opt/istio-1.17.8" };

// Real sleep that ends early (resolving) when the signal aborts.
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

// A context and the fakes behind it.
export interface TestContext {
  ctx: LabContext;
  kube: FakeKube;
  logs: string[];
  abort: AbortController;
}

// A context over the given edges; the caller closes ctx.probe.
export function createTestContext(options: { kube?: FakeKube; exec?: Exec; projectRoot?: string } = {}): TestContext {
  const kube = options.kube ?? new FakeKube();
  const logs: string[] = [];
  const abort = new AbortController();
  const certs = createCertStore(mkdtempSync(join(tmpdir(), "execute-certs-")));
  const ctx: LabContext = {
    exec: options.exec ?? createFakeExec(() => new Error("no process expected")).exec,
    kube,
    cluster: resolveClusterIdentity(kube.context),
    probe: createNodeProbe({ certs, timeoutMs: 2_000 }),
    certs,
    tools: TEST_TOOLS,
    projectRoot: options.projectRoot ?? process.cwd(),
    log: (line) => logs.push(line),
    now: () => Date.now(),
    sleep: realSleep,
    signal: abort.signal,
  };
  return { ctx, kube, logs, abort };
}

// A fresh RunState writing into a temp folder.
export function createTestState(labId = "test-lab"): RunState {
  return { labId, traffic: new Map(), workDir: mkdtempSync(join(tmpdir(), "execute-run-")) };
}
