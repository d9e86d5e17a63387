import type { HttpCheck, LabDefinition, Step, WorkloadRef } from "../../../../engine/lab-types.js";

// Small labs as plain data, against the catalog server on `port`.

export const CATALOG: WorkloadRef = { namespace: "lab-ns", deployment: "catalog" };
const exec = (...command: string[]) => ({ kind: "exec" as const, workload: CATALOG, container: "catalog", command });

export function itemsCheck(port: number, title: string, expect: HttpCheck["expect"], extra: Partial<HttpCheck> = {}): HttpCheck {
  return { kind: "http", title, request: { port, path: "/items", host: "catalog.istioinaction.io" }, expect, timeoutMs: 400, intervalMs: 40, ...extra };
}

function lab(id: string, steps: Step[], extra: Partial<LabDefinition> = {}): LabDefinition {
  return {
    id,
    chapter: 5,
    title: `fake ${id}`,
    section: "5.0",
    proves: "the runner works",
    duration: "~1 s",
    requires: ["cluster"],
    namespaces: ["lab-ns"],
    workloads: [CATALOG],
    steps: () => steps,
    cleanup: [exec("cleanup", id)],
    ...extra,
  };
}

// Deploys v1, then shifts to v2; the v2 check fails before the shift, so it survives --self-test.
export function passingLab(port: number, id = "fake-pass"): LabDefinition {
  return lab(id, [
    { title: "Deploy catalog v1", why: "a baseline", actions: [exec("set-version", "v1")], checks: [itemsCheck(port, "v1 answers", { status: 200, body: [{ op: "not-contains", value: "imageUrl" }] })] },
    {
      title: "Shift to v2",
      why: "the change under test",
      mustFailFirst: true,
      actions: [exec("set-version", "v2")],
      checks: [itemsCheck(port, "v2 answers", { status: 200, body: [{ op: "contains", value: "imageUrl" }] })],
    },
  ]);
}

// The second step expects a status the server never sends; a third step must never run.
export function failingLab(port: number, id = "fake-fail"): LabDefinition {
  return lab(id, [
    { title: "Deploy catalog v1", why: "a baseline", actions: [exec("set-version", "v1")], checks: [itemsCheck(port, "v1 answers", { status: 200 })] },
    { title: "Expect the impossible", why: "to fail", actions: [exec("noop")], checks: [itemsCheck(port, "answers 201 & <created>", { status: 201 })] },
    { title: "Never reached", why: "after a failure", actions: [exec("never")], checks: [itemsCheck(port, "never checked", { status: 200 })] },
  ]);
}

// The check of the second step already passes on v1: --self-test must call it weak.
export function weakCheckLab(port: number): LabDefinition {
  return lab("fake-weak", [
    { title: "Deploy catalog v1", why: "a baseline", actions: [exec("set-version", "v1")], checks: [itemsCheck(port, "v1 answers", { status: 200 })] },
    { title: "Shift to v2", why: "the change", mustFailFirst: true, actions: [exec("set-version", "v2")], checks: [itemsCheck(port, "catalog answers", { status: 200 })] },
  ]);
}
