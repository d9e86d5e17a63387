import { describe, expect, it } from "vitest";
import { evaluateProxyConfig } from "../../../engine/checks/proxy-config.js";
import { readSeedText } from "./seed-fixtures.js";

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
