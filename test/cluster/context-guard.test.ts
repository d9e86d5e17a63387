import { describe, expect, it } from "vitest";
import { chooseContext } from "../../cluster/context-guard.js";
import { LabError } from "../../core/errors.js";

describe("context guard", () => {
  it("uses kind-myk8s when no context is named, whatever the kubeconfig's current context is", () => {
    expect(chooseContext({ yes: false, destructive: true, verb: "reset" })).toEqual({ context: "kind-myk8s", kindName: "myk8s", nodeContainer: "myk8s-control-plane", foreign: false, twin: false });
  });

  it("allows a named context for read-only verbs", () => {
    expect(chooseContext({ requested: "prod", yes: false, destructive: false, verb: "status" })).toEqual({ context: "prod", kindName: undefined, nodeContainer: undefined, foreign: true, twin: false });
  });

  it("refuses a destructive verb on another context without --yes, as a usage error", () => {
    let thrown: unknown;
    try {
      chooseContext({ requested: "prod", yes: false, destructive: true, verb: "down" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LabError);
    expect((thrown as LabError).exitCode).toBe(2);
    expect((thrown as LabError).message).toContain("'prod'");
    expect((thrown as LabError).hint).toContain("--yes");
  });

  it("allows it with --yes", () => {
    expect(chooseContext({ requested: "prod", yes: true, destructive: true, verb: "reset" }).context).toBe("prod");
  });

  it("resolves a kind context to its own cluster and node container, never to myk8s", () => {
    expect(chooseContext({ requested: "kind-foo", yes: true, destructive: true, verb: "down", kindAction: "delete a kind cluster" })).toEqual({
      context: "kind-foo",
      kindName: "foo",
      nodeContainer: "foo-control-plane",
      foreign: true,
      twin: false,
    });
  });

  it("refuses a kind action on a context that is not a kind cluster, even with --yes", () => {
    expect(() => chooseContext({ requested: "prod", yes: true, destructive: true, verb: "down", kindAction: "delete a kind cluster" })).toThrow(/not a kind cluster/);
  });

  it("lets the cluster twin stand in for the lab's kind cluster, still only with --yes, and never for down", () => {
    const lab = { requested: "istio-lab-twin", destructive: true, verb: "ch5-routing", kindAction: "bring up a kind cluster for the lab", twinStandsIn: true };
    expect(chooseContext({ ...lab, yes: true })).toMatchObject({ context: "istio-lab-twin", kindName: undefined, foreign: true, twin: true });
    expect(() => chooseContext({ ...lab, yes: false })).toThrow(/Refusing to run 'ch5-routing' on context 'istio-lab-twin'/);
    expect(() => chooseContext({ requested: "istio-lab-twin", yes: true, destructive: true, verb: "down", kindAction: "delete a kind cluster" })).toThrow(/not a kind cluster/);
  });
});
