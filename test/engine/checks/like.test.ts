import { describe, expect, it } from "vitest";
import { compareLike, generaliseToken, isTokenLike } from "../../../engine/checks/like.js";

// `kubectl get pod -n istioinaction -o wide` as printed in the seed (lines 144-146).
const SEED_PODS = `NAME                          READY   STATUS    RESTARTS   AGE   IP           NODE                  NOMINATED NODE   READINESS GATES
catalog-6cf4b97d-ftl77        2/2     Running   0          43m   10.10.0.14   myk8s-control-plane   <none>           <none>
catalog-v2-6df885b555-6hmcl   2/2     Running   0          13m   10.10.0.15   myk8s-control-plane   <none>           <none>`;

// The same listing from another run: new pod names, IPs and ages.
const OTHER_RUN = `NAME                          READY   STATUS    RESTARTS   AGE   IP           NODE                  NOMINATED NODE   READINESS GATES
catalog-7c9f8d5b4-xx9bq        2/2     Running   0          2m48s   10.10.0.31   myk8s-control-plane   <none>           <none>
catalog-v2-5d4c8b9f7-k2wzp   2/2     Running   0          90s   10.10.0.32   myk8s-control-plane   <none>           <none>   `;

describe("compareLike", () => {
  it("accepts another run of the same listing (pod suffixes, IPs, ages differ)", () => {
    expect(compareLike(OTHER_RUN, SEED_PODS)).toBeUndefined();
  });

  it("rejects a different workload behind a similar pod name", () => {
    const swapped = OTHER_RUN.replace("catalog-v2-5d4c8b9f7-k2wzp", "catalog-5d4c8b9f7-k2wzp");
    expect(compareLike(swapped, SEED_PODS)).toMatch(/^line 3: expected like "catalog-v2-/);
  });

  it("rejects a changed status and a missing line", () => {
    expect(compareLike(OTHER_RUN.replace("2/2     Running", "1/2     Running"), SEED_PODS)).toMatch(/line 2/);
    expect(compareLike(OTHER_RUN.split("\n").slice(0, 2).join("\n"), SEED_PODS)).toBe("expected 3 lines like the expectation, got 2");
  });

  it("treats `...` on a line as any number of lines, including none", () => {
    const [header = "", , v2 = ""] = SEED_PODS.split("\n");
    expect(compareLike(OTHER_RUN, [header, "...", v2].join("\n"))).toBeUndefined();
    expect(compareLike(OTHER_RUN, [header, "...", header].join("\n"))).toBeDefined();
    expect(compareLike("a\nb\nc", "a\n...\nc")).toBeUndefined();
    expect(compareLike("a\nc", "a\n...\nc")).toBeUndefined();
    expect(compareLike("a\nb\nc\nd", "...\nc\nd")).toBeUndefined();
    expect(compareLike("a\nb\nc\nd", "...\nb")).toMatch(/more lines/);
    expect(compareLike("a\nb\nc", "a\n...\nz")).toBe('no line like "z" after output line 1');
  });

  it("finds a block after `...` even when its first line also appears earlier", () => {
    expect(compareLike("x\ny\nx\nz", "...\nx\nz")).toBeUndefined();
  });

  it("treats `...` as a token as any one token", () => {
    expect(compareLike("GET /items 200 0.503 ms - 698", "GET /items 200 ... ms - ...")).toBeUndefined();
    expect(compareLike("GET /items 500 0.503 ms - 698", "GET /items 200 ... ms - ...")).toBeDefined();
    expect(compareLike("GET /items 200 0.503 ms", "GET /items 200 ... ms - ...")).toBeDefined();
  });

  it("ignores the seed's canary watch timestamps but not its weights", () => {
    const seed = "catalog-release   Progressing   10       2025-04-19T06:09:54Z";
    expect(compareLike("catalog-release Progressing 10 2026-01-02T03:04:05Z", seed)).toBeUndefined();
    expect(compareLike("catalog-release Progressing 20 2025-04-19T06:09:54Z", seed)).toBeDefined();
  });
});

describe("token classes", () => {
  it("matches like istio.io: durations, IPv4, pod-name suffixes", () => {
    expect(isTokenLike("30s", "5m")).toBe(true);
    expect(isTokenLike("3h34m", "43m")).toBe(true);
    expect(isTokenLike("10.10.0.16:3000", "10.10.0.17:3000")).toBe(true);
    expect(isTokenLike("10.10.0.16:3000", "10.10.0.17:8080")).toBe(false);
    expect(isTokenLike("[2025-04-19T09:55:34.851Z]", "[2024-01-01T00:00:00.000Z]")).toBe(true);
    expect(isTokenLike("istiod-7df6ffc78d-fl492", "istiod-8d74787f-6w77x")).toBe(true);
    expect(isTokenLike("catalog-6cf4b97d-ftl77.istioinaction", "catalog-6d5b9bbb66-vzg4j.istioinaction")).toBe(true);
  });

  it("keeps what matters distinct", () => {
    expect(isTokenLike("version-v1", "version-v2")).toBe(false);
    expect(isTokenLike("outbound|80|version-v1|catalog", "outbound|80|version-v2|catalog")).toBe(false);
    expect(isTokenLike("catalog-6cf4b97d-ftl77", "webapp-7685bcb84-2q7rg")).toBe(false);
    expect(isTokenLike("1.17.8", "1.17.9")).toBe(false);
    expect(isTokenLike("10", "20")).toBe(false);
    expect(isTokenLike("<none>", "10.10.0.14")).toBe(false);
    expect(isTokenLike("istio-proxy", "istio-agent")).toBe(false);
  });

  it("names the class of a token", () => {
    expect(generaliseToken("catalog-v2-6df885b555-6hmcl")).toBe("catalog-v2-<pod>");
    expect(generaliseToken("catalog-6cf4b97d")).toBe("catalog-<rs>");
    expect(generaliseToken('"10.10.0.18:8080"')).toBe('"<ip>:8080"');
    expect(generaliseToken("2m48s")).toBe("<duration>");
  });
});
