// A deliberately broken lab configuration makes the lab's own check fail, with its own message, through real
// Envoy: a 2.5 s route timeout where the lab wants 1 s, and 2 retries where it wants 3.

import { expect, it } from "vitest";
import { RETRY_CONFIG, TIMEOUT_CONFIG } from "../../../labs/shared/envoy-docker.js";
import { ch3Envoy } from "../../../labs/ch3-envoy/lab.js";
import { ch3EnvoyRetries } from "../../../labs/ch3-envoy-retries/lab.js";
import type { Json } from "./harness/ch3-bootstrap.js";
import { describeTwin } from "./harness/describe-twin.js";
import { runCh3Lab } from "./harness/run-ch3-lab.js";
import type { TwinLabResult } from "./harness/run-lab-twin.js";

// `file`'s first route action changed by `change` (other files untouched).
function breakRoute(target: string, change: (route: Json) => Json) {
  return (file: string, config: Json): Json => {
    if (file !== target) return config;
    const text = JSON.stringify(config);
    const copy = JSON.parse(text) as { static_resources: { listeners: { filter_chains: { filters: { typed_config: { route_config: { virtual_hosts: { routes: { route: Json }[] }[] } } }[] }[] }[] } };
    const route = copy.static_resources.listeners[0]?.filter_chains[0]?.filters[0]?.typed_config.route_config.virtual_hosts[0]?.routes[0];
    if (route === undefined) throw new Error(`${file} has no route to break`);
    route.route = change(route.route);
    return copy as unknown as Json;
  };
}

// The checks that went wrong after their step, with what they expected and saw.
const failedAfter = (result: TwinLabResult) =>
  result.results.filter((entry) => entry.phase === "after" && entry.wrong).map((entry) => ({ name: entry.name, expected: entry.outcome.expected, seen: entry.outcome.seen }));

describeTwin("broken ch3 configurations through real Envoy", () => {
  it("ch3-envoy: a 2.5 s timeout fails 'X-Envoy-Expected-Rq-Timeout-Ms is now 1000' and the 504 check", async () => {
    const result = await runCh3Lab(ch3Envoy, { deadlineMs: 3_000 }, breakRoute(TIMEOUT_CONFIG, (route) => ({ ...route, timeout: "2.5s" })));
    const failed = failedAfter(result);
    expect(failed.map((entry) => entry.name)).toEqual([
      "ch3-envoy › step 3 › X-Envoy-Expected-Rq-Timeout-Ms is now 1000",
      "ch3-envoy › step 3 › /delay/2 ends after 1 s with 504 upstream request timeout",
    ]);
    expect(failed[0]?.seen).toContain('"X-Envoy-Expected-Rq-Timeout-Ms": "2500"');
    expect(failed[0]?.seen).toContain("expected body to match");
    expect(failed[1]?.seen).toMatch(/^HTTP 200/);
  });

  it("ch3-envoy-retries: num_retries 2 fails 'upstream_rq_retry: 3' with the counter Envoy really shows", async () => {
    const result = await runCh3Lab(ch3EnvoyRetries, { deadlineMs: 3_000 }, breakRoute(RETRY_CONFIG, (route) => ({ ...route, retry_policy: { retry_on: "5xx", num_retries: 2 } })));
    const failed = failedAfter(result);
    expect(failed.map((entry) => entry.name)).toEqual(["ch3-envoy-retries › step 3 › after that one call the admin API shows cluster.httpbin_service.upstream_rq_retry: 3"]);
    // Envoy tried 1 + 2 times: two retried 500s, and the check's own expectation in its message.
    expect(failed[0]?.seen).toContain("cluster.httpbin_service.retry.upstream_rq_500: 2");
    expect(failed[0]?.seen).toContain("expected body to match /^cluster\\.httpbin_service\\.upstream_rq_retry: 3$/");
  });
});
