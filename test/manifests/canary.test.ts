import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../core/paths.js";
import { checkCanaryShape, durationSeconds } from "./helpers/canary-shape.js";
import { parseManifestText } from "./helpers/manifest-files.js";
import { at, listAt, type Json } from "./helpers/object-walk.js";

const run = promisify(execFile);

function loadOne(file: string): Json {
  const docs = parseManifestText(file, readFileSync(join(projectRoot(), file), "utf8"));
  expect(docs).toHaveLength(1);
  return docs[0]!.object;
}

function deploymentOf(file: string, kind = "Deployment"): Json {
  const doc = parseManifestText(file, readFileSync(join(projectRoot(), file), "utf8")).find((d) => d.object["kind"] === kind);
  expect(doc, `${kind} in ${file}`).toBeDefined();
  return doc!.object;
}

const envOf = (deployment: Json): Record<string, unknown> =>
  Object.fromEntries(listAt(listAt(deployment, "spec.template.spec.containers")[0], "env").map((e) => [e["name"], e["value"] ?? e["valueFrom"]]));

// The seed's ch5/flagger/catalog-release.yaml spec (seed lines ~1143-1183), field for field.
const SEED_CANARY_SPEC = {
  targetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "catalog" },
  progressDeadlineSeconds: 60,
  service: { name: "catalog", port: 80, targetPort: 3000, gateways: ["mesh"], hosts: ["catalog"] },
  analysis: {
    interval: "45s",
    threshold: 5,
    maxWeight: 50,
    stepWeight: 10,
    match: [{ sourceLabels: { app: "webapp" } }],
    metrics: [
      { name: "request-success-rate", thresholdRange: { min: 99 }, interval: "1m" },
      { name: "request-duration", thresholdRange: { max: 500 }, interval: "30s" },
    ],
  },
};

// The canary weights Flagger walks through before promoting.
const weightSteps = (analysis: Json): number[] => {
  const steps: number[] = [];
  for (let w = Number(analysis["stepWeight"]); w <= Number(analysis["maxWeight"]); w += Number(analysis["stepWeight"])) steps.push(w);
  return steps;
};

describe("catalog-release (the seed's Canary)", () => {
  const canary = loadOne("labs/ch5-canary/catalog-release.yaml");

  it("is exactly the seed's spec", () => {
    expect(canary["apiVersion"]).toBe("flagger.app/v1beta1");
    expect(canary["kind"]).toBe("Canary");
    expect(canary["metadata"]).toEqual({ name: "catalog-release" });
    expect(canary["spec"]).toEqual(SEED_CANARY_SPEC);
  });

  it("walks 10,20,30,40,50 before promotion", () => {
    expect(weightSteps(at(canary, "spec.analysis") as Json)).toEqual([10, 20, 30, 40, 50]);
  });
});

describe("catalog-release-fast (smoke mode)", () => {
  const fast = loadOne("labs/ch5-canary/catalog-release-fast.yaml");
  const analysis = at(fast, "spec.analysis") as Json;

  it("keeps the name, target, service, weights, threshold and match of the seed", () => {
    expect(fast["metadata"]).toEqual({ name: "catalog-release" });
    const { analysis: _a, ...rest } = fast["spec"] as Json;
    const { analysis: _s, ...seedRest } = SEED_CANARY_SPEC;
    expect(rest).toEqual(seedRest);
    for (const key of ["threshold", "maxWeight", "stepWeight", "match"]) expect(analysis[key]).toEqual((SEED_CANARY_SPEC.analysis as Json)[key]);
    expect(weightSteps(analysis)).toEqual([10, 20, 30, 40, 50]);
  });

  it("runs at Flagger's minimum interval with metric windows of at least two 15s scrapes", () => {
    expect(analysis["interval"]).toBe("10s");
    const metrics = listAt(analysis, "metrics");
    expect(metrics.map((m) => m["name"])).toEqual(["request-success-rate", "request-duration"]);
    expect(metrics.map((m) => m["thresholdRange"])).toEqual([{ min: 99 }, { max: 500 }]);
    for (const metric of metrics) expect(durationSeconds(String(metric["interval"]))).toBeGreaterThanOrEqual(30);
  });
});

describe("checkCanaryShape", () => {
  const canary = loadOne("labs/ch5-canary/catalog-release.yaml");
  const mutate = (edit: (spec: Json) => void): Json => {
    const copy = structuredClone(canary);
    edit(copy["spec"] as Json);
    return copy;
  };

  it("accepts both shipped canaries", () => {
    expect(checkCanaryShape(canary)).toEqual([]);
    expect(checkCanaryShape(loadOne("labs/ch5-canary/catalog-release-fast.yaml"))).toEqual([]);
  });

  it("rejects a typo, a wrong type, a missing field and a too short interval", () => {
    expect(checkCanaryShape(mutate((s) => { (s["analysis"] as Json)["stepWieght"] = 10; }))).toEqual(["spec.analysis.stepWieght is not a Canary field"]);
    expect(checkCanaryShape(mutate((s) => { (s["service"] as Json)["port"] = "80"; }))).toEqual(["spec.service.port must be an integer"]);
    expect(checkCanaryShape(mutate((s) => { delete s["targetRef"]; }))).toEqual(["spec.targetRef is required"]);
    expect(checkCanaryShape(mutate((s) => { (s["analysis"] as Json)["interval"] = "5s"; }))).toEqual(["spec.analysis.interval below Flagger's 10s minimum"]);
    expect(checkCanaryShape(mutate((s) => { (listAt(s, "analysis.metrics")[0]!)["thresholdRange"] = { min: "99" }; }))).toEqual([
      "spec.analysis.metrics[0].thresholdRange.min must be a number",
    ]);
  });
});

describe("the catalog revisions Flagger analyses", () => {
  const v1 = deploymentOf("apps/catalog.yaml");

  it.each(["labs/ch5-canary/catalog-v2-deployment.yaml", "labs/ch5-canary/catalog-broken-deployment.yaml"])(
    "%s keeps the immutable selector, pod labels and image of apps/catalog.yaml",
    (file) => {
      const next = deploymentOf(file);
      expect(at(next, "metadata.name")).toBe("catalog");
      expect(at(next, "spec.selector")).toEqual(at(v1, "spec.selector"));
      expect(at(next, "spec.selector")).toEqual({ matchLabels: { app: "catalog", version: "v1" } });
      expect(at(next, "spec.template.metadata.labels")).toEqual(at(v1, "spec.template.metadata.labels"));
      expect(listAt(next, "spec.template.spec.containers")[0]!["image"]).toBe(listAt(v1, "spec.template.spec.containers")[0]!["image"]);
      expect(envOf(next)["SHOW_IMAGE"]).toBe("true");
      expect(envOf(v1)["SHOW_IMAGE"]).toBeUndefined();
    },
  );
});

describe("catalog-broken-deployment's start script", () => {
  const broken = deploymentOf("labs/ch5-canary/catalog-broken-deployment.yaml");
  const container = listAt(broken, "spec.template.spec.containers")[0]!;
  const script = String((container["args"] as string[])[0]);
  const MARKER = "/tmp/blowup-armed";
  let dir = "";

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = "";
  });

  // Fake node/curl/wget on PATH: node waits until the marker appears; curl/wget log their args and
  // fail the first N calls (N from env). The marker path is redirected into the temp dir.
  async function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; marker: boolean; calls: string }> {
    dir = mkdtempSync(join(tmpdir(), "broken-catalog-"));
    const marker = join(dir, "armed");
    const tool = (name: string, body: string): void => {
      writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(dir, name), 0o755);
    };
    const fakeFetch = (name: string, failVar: string) =>
      `n=$(cat "$FAKE_DIR/${name}.count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$FAKE_DIR/${name}.count"\n` +
      `echo "${name} $*" >> "$FAKE_DIR/calls"\n[ "$n" -gt "\${${failVar}:-0}" ]`;
    tool("node", `echo "node $*" >> "$FAKE_DIR/calls"\ni=0; while [ $i -lt 100 ]; do [ -f "${marker}" ] && exit "\${FAKE_NODE_EXIT:-0}"; sleep 0.05; i=$((i+1)); done; exit 99`);
    tool("curl", fakeFetch("curl", "CURL_FAILS"));
    tool("wget", fakeFetch("wget", "WGET_FAILS"));
    const localScript = script.split(MARKER).join(marker);
    try {
      const { stdout } = await run("/bin/sh", ["-c", localScript], {
        cwd: dir,
        env: { PATH: `${dir}:${process.env["PATH"] ?? "/usr/bin:/bin"}`, FAKE_DIR: dir, ...env },
        timeout: 10_000,
      });
      return { code: 0, stdout, marker: existsSync(marker), calls: readFileSync(join(dir, "calls"), "utf8") };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? "", marker: existsSync(marker), calls: readFileSync(join(dir, "calls"), "utf8") };
    }
  }

  it("is a shell script the readiness probe is tied to", () => {
    expect(container["command"]).toEqual(["/bin/sh", "-c"]);
    expect(at(container, "readinessProbe.exec.command")).toEqual(["cat", MARKER]);
    expect(script).toContain(MARKER);
    expect(script).toContain(`'{"active":true,"type":"500","percentage":100}'`);
  });

  it("retries the blowup POST until the server takes it, then marks ready, with node as the main process", async () => {
    const result = await runScript({ CURL_FAILS: "2", WGET_FAILS: "99" });
    expect(result.code).toBe(0);
    expect(result.marker).toBe(true);
    expect(result.stdout).toContain("500 blowup armed");
    const lines = result.calls.trim().split("\n");
    expect(lines).toContain("node server.js");
    const curls = lines.filter((l) => l.startsWith("curl "));
    expect(curls.length).toBe(3);
    expect(curls[2]).toBe(`curl -fsS -X POST -H Content-Type: application/json -d {"active":true,"type":"500","percentage":100} http://127.0.0.1:3000/blowup`);
  }, 15_000);

  it("falls back to busybox wget when curl fails", async () => {
    const result = await runScript({ CURL_FAILS: "99", WGET_FAILS: "0" });
    expect(result.marker).toBe(true);
    expect(result.calls).toContain(`wget -q -O- --header Content-Type: application/json --post-data {"active":true,"type":"500","percentage":100} http://127.0.0.1:3000/blowup`);
  }, 15_000);

  it("exits with the server's exit code (exec), so a crashed server restarts the container", async () => {
    const result = await runScript({ CURL_FAILS: "0", FAKE_NODE_EXIT: "7" });
    expect(result.code).toBe(7);
  }, 15_000);
});
