import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createExec } from "../../../core/exec.js";
import { ensureTools, resolveToolPlan } from "../../../cluster/tools/ensure-tools.js";
import { formatToolPlan, planTools } from "../../../cluster/tools/tool-plan.js";
import { formatToolStatus, listToolStatus } from "../../../cluster/tools/tool-status.js";
import { startFixtureServer } from "./helpers/fixture-server.js";
import { LINUX_AMD64, fixtureBaseUrls, fixtureDigests, makeTempDir, publishTools, removeTempDirs, writeFakeTool } from "./helpers/fixture-tools.js";

afterAll(removeTempDirs);

describe("planTools", () => {
  it("plans every tool as a download from the official URLs when nothing is known", () => {
    const lines = formatToolPlan(planTools({ host: LINUX_AMD64, cacheDir: "/c" }));
    expect(lines).toEqual([
      "download kind v0.22.0: https://kind.sigs.k8s.io/dl/v0.22.0/kind-linux-amd64 (sha256 e4264d7ee07ca642fe52818d7c0ed188b193c214889dd055c929dbcb968d1f62, pinned in this repository) -> /c/tools/kind-v0.22.0",
      "download kubectl v1.23.17: https://dl.k8s.io/release/v1.23.17/bin/linux/amd64/kubectl (sha256 f09f7338b5a677f17a9443796c648d2b80feaec9d6a094ab79a77c8a01fde941, pinned in this repository) -> /c/tools/kubectl-v1.23.17",
      "download istioctl 1.17.8: https://github.com/istio/istio/releases/download/1.17.8/istio-1.17.8-linux-amd64.tar.gz (not pinned in this repository: verified against https://github.com/istio/istio/releases/download/1.17.8/istio-1.17.8-linux-amd64.tar.gz.sha256 and remembered on first use; refused with --strict-pins) -> /c/tools/istio-1.17.8",
      "download helm v3.11.3: https://get.helm.sh/helm-v3.11.3-linux-amd64.tar.gz (sha256 ca2d5d40d4cdfb9a3a6205dd803b5bc8def00bd2f13e5526c127e9b667974a89, pinned in this repository) -> /c/tools/helm-v3.11.3",
    ]);
  });
});

describe("listToolStatus + planTools", () => {
  it("reports PATH, cache and missing tools as ensureTools would resolve them", async () => {
    const cacheDir = await makeTempDir("status");
    const bin = await makeTempDir("bin");
    await writeFakeTool(bin, "kind", "v0.20.0");
    await writeFakeTool(bin, "istioctl", "1.17.8");
    await writeFakeTool(bin, "helm", "v3.11.3");
    const server = await startFixtureServer();
    try {
      await publishTools(server, LINUX_AMD64, ["kubectl"]);
      await ensureTools({ exec: createExec(), cacheDir, host: LINUX_AMD64, baseUrls: fixtureBaseUrls(server.baseUrl), pathEnv: "", digests: await fixtureDigests(LINUX_AMD64) }).catch(() => undefined);
    } finally {
      await server.close();
    }

    const statuses = await listToolStatus({ exec: createExec(), cacheDir, pathEnv: bin });
    const cachePath = (tool: string, binary: string) => join(cacheDir, "tools", tool, binary);

    expect(statuses.map(formatToolStatus)).toEqual([
      `kind v0.22.0: not installed, will be downloaded to ${cachePath("kind-v0.22.0", "kind")} (PATH has v0.20.0 at ${join(bin, "kind")}, not used)`,
      `kubectl v1.23.17: cached at ${cachePath("kubectl-v1.23.17", "kubectl")} (SHA-256 re-checked)`,
      `istioctl 1.17.8: on PATH at ${join(bin, "istioctl")} (reports 1.17.8), not downloaded; the Istio release (samples/addons) is not cached yet`,
      `helm v3.11.3: on PATH at ${join(bin, "helm")} (reports v3.11.3), not downloaded`,
    ]);

    const plan = planTools({ host: LINUX_AMD64, cacheDir, statuses });
    expect(plan.map((entry) => [entry.tool, entry.action, entry.binaryPath])).toEqual([
      ["kind", "download", cachePath("kind-v0.22.0", "kind")],
      ["kubectl", "use-cache", cachePath("kubectl-v1.23.17", "kubectl")],
      ["istioctl", "download", join(bin, "istioctl")],
      ["helm", "use-path", join(bin, "helm")],
    ]);
    expect(await resolveToolPlan({ exec: createExec(), cacheDir, host: LINUX_AMD64, pathEnv: bin })).toEqual(plan);
  });
});
