import { describe, expect, it } from "vitest";
import type { Check, LabDefinition, Step } from "../../engine/lab-types.js";
import { assertValidLab, validateLab } from "../../engine/validate/validate-lab.js";
import { findLabCheck } from "./helpers/lab-checks.js";

const gate: Check = { kind: "proxy-config", title: "route in place", workload: { namespace: "ns", deployment: "webapp" }, resource: "routes", name: "80", assert: { kind: "single-cluster", cluster: "|version-v1|catalog" } };
const everyV1: Check = { kind: "http", title: "every response is v1", request: { port: 30000, path: "/" }, repeat: 10, expect: { status: 200, body: [{ op: "not-contains", value: "imageUrl" }] } };

function labOf(...steps: Step[]): LabDefinition {
  return { id: "t", chapter: 5, title: "t", section: "5", proves: "t", duration: "~1 min", requires: [], namespaces: [], workloads: [], steps: () => steps };
}
const step = (checks: Check[]): Step => ({ title: "s", why: "a reason given", actions: [], checks });

describe("lab definition checks", () => {
  it("accepts a gated sample with matchers that can fail", () => {
    expect(validateLab(labOf(step([gate, everyV1])), { fast: false })).toEqual([]);
  });

  it("refuses a step without checks", () => {
    expect(validateLab(labOf(step([])), { fast: false })).toEqual(["step 's' has no checks: a step must prove its change"]);
  });

  it("refuses a sampled check with no gate before it (a data-plane check is no gate)", () => {
    expect(validateLab(labOf(step([everyV1])), { fast: false })[0]).toContain("needs a gate before it");
    expect(validateLab(labOf(step([{ ...everyV1, repeat: 1, title: "one answer" }, everyV1])), { fast: false })[0]).toContain("needs a gate before it");
  });

  it("refuses always-true matchers: empty contains, a regex matching anything, count from 0, like of only `...`", () => {
    const withBody = (body: NonNullable<Extract<Check, { kind: "http" }>["expect"]["body"]>): Check => ({ ...everyV1, repeat: 1, expect: { status: 200, body } });
    const problems = validateLab(
      labOf(step([withBody([{ op: "contains", value: "" }]), withBody([{ op: "regex", value: ".*" }]), withBody([{ op: "count", regex: "x", min: 0 }]), withBody([{ op: "like", value: "..." }])])),
      { fast: false },
    );
    expect(problems).toHaveLength(4);
    expect(problems[1]).toContain("expect.body[0]: regex /.*/ matches the empty text");
  });

  it("finds matchers everywhere a check carries them (headers, certificate, error, tcp echo, weighted hit, logs)", () => {
    const always = { op: "regex", value: "" } as const;
    const checks: Check[] = [
      { kind: "http", title: "h", request: { port: 1, path: "/" }, expect: { headers: { location: always } } },
      { kind: "http", title: "c", request: { port: 1, path: "/" }, expect: { certificate: { issuer: always } } },
      { kind: "http", title: "e", request: { port: 1, path: "/" }, expect: { error: always } },
      { kind: "tcp", title: "t", request: { port: 1, send: "x" }, expect: { echo: [always] } },
      { kind: "weighted", title: "w", request: { port: 1, path: "/" }, hit: always, hitLabel: "v2", expectedShare: 0.1, wrongShares: [0.5] },
      { kind: "logs", title: "l", workload: { namespace: "n", deployment: "d" }, container: "c", expect: [always] },
    ];
    expect(validateLab(labOf(step([gate, ...checks])), { fast: false })).toHaveLength(checks.length);
  });

  it("throws a LabError naming the lab when a registry lab is mutated to an always-true matcher", () => {
    const entry = findLabCheck("ch5-mirror", 3, "no response is v2");
    const lab = entry.lab;
    const mutated: LabDefinition = {
      ...lab,
      steps: (options) => lab.steps(options).map((s, index) => (index === 2 ? { ...s, checks: s.checks.map((c) => (c.title === "no response is v2" && c.kind === "http" ? { ...c, expect: { ...c.expect, body: [{ op: "regex", value: ".*" }] } } : c)) } : s)),
    };
    expect(() => assertValidLab(mutated, { fast: false })).toThrow(/Lab 'ch5-mirror' is not a sound definition/);
  });
});
