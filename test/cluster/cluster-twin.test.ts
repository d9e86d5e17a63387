import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { isTwinContext, readTwinMarker, twinMarkerPath, type TwinMarker } from "../../cluster/cluster-twin.js";

function envWithMarker(marker: Partial<TwinMarker> | undefined, kubeconfig: string): NodeJS.ProcessEnv {
  const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), "twin-marker-")), KUBECONFIG: kubeconfig };
  if (marker !== undefined) {
    const path = twinMarkerPath("istio-lab-twin", env);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ context: "istio-lab-twin", kubeconfig: "/k/config", pid: process.pid, istioctl: "/bin/istioctl", istiodVersion: "x", startedAt: "now", ...marker }));
  }
  return env;
}

describe("the cluster twin's marker", () => {
  it("recognises only the twin's context", () => {
    expect(isTwinContext("istio-lab-twin")).toBe(true);
    expect(isTwinContext("kind-myk8s")).toBe(false);
  });

  it("reads a running twin's marker when KUBECONFIG names its kubeconfig", () => {
    expect(readTwinMarker("istio-lab-twin", envWithMarker({}, "/other:/k/config")).istioctl).toBe("/bin/istioctl");
  });

  it("refuses with a hint when no twin runs, its supervisor is gone, or KUBECONFIG misses its kubeconfig", () => {
    expect(() => readTwinMarker("istio-lab-twin", envWithMarker(undefined, "/k/config"))).toThrow(/no twin is running/);
    expect(() => readTwinMarker("istio-lab-twin", envWithMarker({ pid: 2 ** 22 + 12345 }, "/k/config"))).toThrow(/is not running/);
    try {
      readTwinMarker("istio-lab-twin", envWithMarker({}, "/other"));
      expect.unreachable();
    } catch (error) {
      expect((error as { hint?: string }).hint).toBe("export KUBECONFIG=/k/config");
    }
  });
});
