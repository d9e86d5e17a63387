import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { readSeedText } from "./seed-fixtures.js";
import { routes, V1, V2 } from "./route-json.js";

const RETRY_5XX = { kind: "retry-policy", cluster: "catalog.istioinaction.svc.cluster.local", retryOn: "5xx", numRetries: 3 } as const;
// The seed's webapp routes carry Istio's default policy on every route: connect-failure,...,retriable-status-codes x2.
const seedRoutes = readSeedText("webapp-routes-mirror.json");

describe("proxy-config retry-policy", () => {
  it("fails on Istio's default retry policy, naming what it saw", () => {
    const reason = evaluateProxyConfig(RETRY_5XX, JSON.parse(seedRoutes));
    expect(reason).toMatch(/does not retry 5xx 3 times/);
    expect(reason).toContain("retriable-status-codes numRetries 2");
  });

  it("passes once the route retries 5xx three times (the VirtualService's retries)", () => {
    const retried = seedRoutes
      .replaceAll('"retryOn": "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"', '"retryOn": "5xx"')
      .replaceAll('"numRetries": 2', '"numRetries": 3');
    expect(retried).not.toBe(seedRoutes);
    expect(evaluateProxyConfig(RETRY_5XX, JSON.parse(retried))).toBeUndefined();
  });

  it("fails when the count differs (one retry instead of three)", () => {
    const once = seedRoutes.replaceAll('"retryOn": "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"', '"retryOn": "5xx"').replaceAll('"numRetries": 2', '"numRetries": 1');
    expect(evaluateProxyConfig(RETRY_5XX, JSON.parse(once))).toMatch(/retryOn 5xx numRetries 1/);
  });
});

describe("proxy-config retry-policy near misses", () => {
  const RETRY = { kind: "retry-policy", cluster: "version-v1", retryOn: "5xx", numRetries: 3 } as const;
  const FIVE_XX = { retryOn: "5xx", numRetries: 3 };

  it("needs the policy on every route to the cluster, not on one of them", () => {
    expect(evaluateProxyConfig(RETRY, routes([{ prefix: "/api", cluster: V1, retry: FIVE_XX }, { cluster: V1, retry: FIVE_XX }]))).toBeUndefined();
    expect(evaluateProxyConfig(RETRY, routes([{ prefix: "/api", cluster: V1, retry: FIVE_XX }, { cluster: V1 }]))).toBe("the route to version-v1 does not retry 5xx 3 times: retryOn 5xx numRetries 3 | no retry policy");
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1 }, { weights: { [V1]: 50, [V2]: 50 }, retry: FIVE_XX }]))).toMatch(/does not retry/);
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1, retry: FIVE_XX }, { prefix: "/api", weights: { [V1]: 50, [V2]: 50 } }]))).toMatch(/: retryOn 5xx numRetries 3 \| no retry policy$/);
  });

  it("routes that do not send to the cluster (or give it weight 0) need no policy", () => {
    expect(evaluateProxyConfig(RETRY, routes([{ prefix: "/api", cluster: V2 }, { cluster: V1, retry: FIVE_XX }]))).toBeUndefined();
    expect(evaluateProxyConfig(RETRY, routes([{ weights: { [V1]: 0, [V2]: 100 } }, { cluster: V1, retry: FIVE_XX }]))).toBeUndefined();
  });

  it("the condition is one of retryOn's comma-separated conditions, not a part of one", () => {
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1, retry: { retryOn: "gateway-error, 5xx", numRetries: 3 } }]))).toBeUndefined();
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1, retry: { retryOn: "gateway-error,connect-failure", numRetries: 3 } }]))).toMatch(/retryOn gateway-error,connect-failure numRetries 3$/);
    expect(evaluateProxyConfig({ ...RETRY, retryOn: "5" }, routes([{ cluster: V1, retry: FIVE_XX }]))).toBeDefined();
  });

  it("fails when numRetries is unset or another count, or when no route goes to the cluster", () => {
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1, retry: { retryOn: "5xx" } }]))).toMatch(/retryOn 5xx numRetries unset$/);
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V1, retry: { retryOn: "5xx", numRetries: 4 } }]))).toMatch(/numRetries 4$/);
    expect(evaluateProxyConfig(RETRY, routes([{ cluster: V2, retry: FIVE_XX }]))).toMatch(/^no route goes to version-v1; seen: /);
  });
});
