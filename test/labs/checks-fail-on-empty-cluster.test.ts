// The weak-check hunt: every check that --self-test runs before its step (effective mustFailFirst) must
// FAIL where nothing of the lab exists — the gateway answers 404 route_not_found to everything, nothing
// listens on the TLS port or any other host port (addons, second gateway, the ch3 Docker containers), the API
// server holds no objects, webapp's sidecar has only the default route to the catalog Service, no cluster
// matches, `istioctl analyze` finds no issues, and there is no egress (needsEgress checks: skipped).
// A check that passes here proves nothing. Each failure must also be for the world's reason, not the harness's.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../engine/execute/run-check.js";
import type { Check } from "../../engine/lab-types.js";
import { createTestState } from "../engine/execute/helpers/test-context.js";
import { labCheckEntries } from "./helpers/lab-checks.js";
import { openLabWorld, type LabWorld } from "./helpers/lab-world.js";
import { routeNotFound } from "./helpers/stand-in-gateway.js";
import { HTTP_PORT } from "../../labs/shared/traffic.js";

/**
 * The checks that opt out of --self-test (effective mustFailFirst false). Adding one is a conscious
 * decision: it must be a regression guard or hold before the step too, never a check that proves the step.
 */
const EXPECTED_OPT_OUTS = [
  // Baseline platform facts (the addons are up before the lab starts), not proofs of a change.
  "ch2-observability › step 1 › Prometheus :30001/-/ready answers 200",
  "ch2-observability › step 1 › Grafana :30002/api/health says the database is ok",
  "ch2-observability › step 1 › Kiali :30003/kiali/ answers 200",
  "ch2-observability › step 1 › Jaeger :30004/jaeger/ answers 200 (the UI lives under /jaeger)",
  // The subset's cluster exists once the DestinationRule is applied (an earlier step): it closes "a header
  // route to a missing subset passes", and holds before the step too.
  "ch2-dark-launch › step 3 › webapp's sidecar has the version-v2 cluster the route names",
  "ch2-dark-launch › step 3 › without it every response is still v1",
  // Also true with the previous Envoy config: guards that the new config still serves.
  "ch3-envoy › step 3 › /delay/0.5 still answers 200",
  "ch3-envoy-retries › step 3 › /status/500 still returns 500 (every try fails)",
  "ch4-gateway-routing › step 2 › an unknown Host gets 404 (no virtual host matches)",
  "ch4-mtls › step 3 › with a client certificate from webapp-ca the request still returns the catalog",
  "ch4-sni-passthrough › step 3 › SNI simple-sni-1.istioinaction.io reaches simple-tls-service-1 and sees its own certificate",
  "ch4-split-gateway › step 2 › the main istio-ingressgateway still has nodePorts 30000, 30005, 30006",
  // The absence of a line passes trivially before the step; the must-fail proof is step 4's (the line returns).
  "ch4-access-logs › step 3 › webapp logged at least 5 requests for /api/catalog since the step started",
  "ch4-access-logs › step 3 › the gateway's log has no request line for them",
  "ch4-gateway-config-trim › step 1 › the gateway holds at least 10 outbound clusters (every service of the mesh)",
  "ch4-gateway-config-trim › step 2 › the one its route uses, webapp, is still there",
  "ch4-gateway-config-trim › step 2 › the gateway still serves /api/catalog",
  // The symptom holds before the broken VirtualService too; IST0101 is the step's proof.
  "ch4-debug-gateway-ref › step 2 › the ingress gateway has no route for query.istioinaction.io",
  "ch4-debug-gateway-ref › step 2 › GET /items with Host query.istioinaction.io gets 404",
  "ch4-debug-gateway-ref › step 3 › istioctl analyze no longer reports IST0101",
  "ch5-routing › step 4 › the ingress gateway has the version-v2 cluster the route names",
  "ch5-routing › step 4 › without it every response is v1",
  "ch5-mesh-routing › step 3 › webapp's sidecar has the version-v2 cluster the route names",
  "ch5-mesh-routing › step 3 › without it every response is v1",
  "ch5-mesh-routing › step 3 › the ingress gateway sends nothing to catalog (the rule lives in the sidecars)",
  "ch5-mirror › step 3 › webapp's sidecar has the version-v2 cluster the route names",
  "ch5-mirror › step 3 › no response is v2",
  "ch5-registry-only › step 2 › webapp downloads from raw.githubusercontent.com",
  "ch5-registry-only › step 3 › the ingress gateway still has nodePorts 30000, 30005, 30006",
  "ch5-registry-only › step 3 › the gateway still serves webapp",
  "ch5-registry-only › step 4 › /api/users fails with 'error calling Forum service'",
  // The gate before sampling: Flagger's VirtualService already sends everything to the primary before the release.
  "ch5-canary › step 3 › webapp's sidecar sends catalog only to catalog-primary",
  "ch5-canary-rollback › step 3 › webapp's sidecar sends catalog only to catalog-primary",
  "ch5-canary-rollback › step 3 › every response comes from the primary (v1, 200)",
];

// What `seen` says when the check failed because of the empty world (and not, say, an unexpected command).
function emptyWorldReason(check: Check): RegExp {
  switch (check.kind) {
    case "http":
      return check.request.tls === undefined && check.request.port === HTTP_PORT ? /expected status \d+, got 404/ : /connection refused/;
    case "tcp":
      return /connection refused/;
    case "weighted":
      return check.valid === undefined
        ? new RegExp(`^0 of \\d+ responses were ${check.hitLabel} .*outside the accepted band`)
        : /^not ready yet \(no sample taken\): invalid response: expected status 200, got 404/;
    case "proxy-config":
      return /^(no route (goes to|matches header|splits traffic|mirrors to)|no cluster named|the dump holds no clusters at all|the route to \S+ does not retry|0 \S* ?clusters, expected)/;
    case "object":
      return /not found/;
    case "sequence":
      return /observed: \(nothing: the object does not exist\)/;
    case "logs":
    case "exec":
      return /deployment\/\S+ does not exist/;
    case "istioctl":
      return /No validation issues found/;
  }
}

const entries = labCheckEntries({ fast: false });
const mustFail = entries.filter((entry) => entry.mustFailFirst);
const optOuts = entries.filter((entry) => !entry.mustFailFirst);

let world: LabWorld;
beforeAll(async () => {
  world = await openLabWorld({ gateway: routeNotFound });
});
afterAll(async () => {
  await world.close();
});

describe("every must-fail-first check fails on an empty cluster", () => {
  it("lists the opt-outs (effective mustFailFirst false) explicitly", () => {
    console.log(`self-test opt-outs (${optOuts.length}):\n${optOuts.map((entry) => `  - ${entry.name}`).join("\n")}`);
    expect(optOuts.map((entry) => entry.name)).toEqual(EXPECTED_OPT_OUTS);
  });

  it("covers every lab that has checks", () => {
    const labsWithChecks = new Set(entries.map((entry) => entry.lab.id));
    expect(new Set(mustFail.map((entry) => entry.lab.id))).toEqual(labsWithChecks);
  });

  it.each(mustFail.map((entry) => [entry.name, entry] as const))("%s", async (_name, entry) => {
    const before = world.commands.length;
    const outcome = await runCheck(entry.check, world.ctx, createTestState(entry.lab.id), { stepStartedAt: new Date(), singleAttempt: true });
    if (entry.check.needsEgress === true) {
      expect(outcome.status, outcome.seen).toBe("skipped");
      expect(outcome.seen).toContain("cannot reach the internet");
      expect(world.commands.slice(before).some((command) => command.startsWith("docker exec myk8s-control-plane curl"))).toBe(true);
      return;
    }
    expect(outcome.status, `${entry.name} PASSED on an empty cluster: ${outcome.seen}`).toBe("failed");
    expect(outcome.seen).toMatch(emptyWorldReason(entry.check));
    if (entry.check.kind === "proxy-config") {
      expect(world.commands.slice(before).at(-1)).toMatch(/^istioctl proxy-config (routes|cluster) deploy\/\S+ .*-o json --context kind-myk8s$/);
    }
  });
});
