// The kind cluster alone, from our typed config: create, the eight host ports mapped, delete.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { $ } from "zx";
import { describe, expect, it } from "vitest";
import { KIND_CLUSTER_NAME, KIND_NODE_CONTAINER, renderKindConfigYaml } from "../../cluster/kind/kind-config.js";
import { missingPortMappings, parsePortBindings } from "../../cluster/kind/port-bindings.js";
import { ensureTools } from "../../cluster/tools/ensure-tools.js";
import { createExec } from "../../core/exec.js";
import { pinPolicyOf } from "../../scripts/commands/session.js";
import { DOCKER_SKIP_REASON } from "./docker-gate.js";

describe.skipIf(Boolean(DOCKER_SKIP_REASON))("kind cluster myk8s from the typed config", () => {
  let kind = "";

  it("creates the cluster with kind v0.22.0 and the pinned node image", async () => {
    // The CLI's tool path and pin policy: a fresh cache verifies Istio's archive against its published digest.
    kind = (await ensureTools({ exec: createExec(), policy: pinPolicyOf({ strictPins: process.env["ISTIO_LAB_STRICT_PINS"] === "1" }), onNotice: (line) => console.log(line) })).kind;
    await $({ nothrow: true })`${kind} delete cluster --name ${KIND_CLUSTER_NAME}`;
    const config = join(mkdtempSync(join(tmpdir(), "istio-lab-kind-")), "kind.yaml");
    writeFileSync(config, renderKindConfigYaml());
    const created = await $({ nothrow: true })`${kind} create cluster --name ${KIND_CLUSTER_NAME} --config ${config} --wait 180s`;
    expect(created.exitCode, created.stderr).toBe(0);
  });

  it("maps all eight host ports 30000-30007 on the node container", async () => {
    const inspect = await $`docker inspect ${KIND_NODE_CONTAINER} --format ${"{{json .HostConfig.PortBindings}}"}`;
    expect(missingPortMappings(parsePortBindings(inspect.stdout.trim()))).toEqual([]);
  });

  it("deletes it again", async () => {
    const deleted = await $({ nothrow: true })`${kind} delete cluster --name ${KIND_CLUSTER_NAME}`;
    expect(deleted.exitCode).toBe(0);
    const clusters = await $`${kind} get clusters`;
    expect(clusters.stdout.split("\n")).not.toContain(KIND_CLUSTER_NAME);
  });
});
