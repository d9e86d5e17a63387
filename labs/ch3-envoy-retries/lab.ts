import type { Check, LabDefinition } from "../../engine/lab-types.js";
import { RETRY_CONFIG, SIMPLE_CONFIG, httpbinStep, removeEnvoyLab, runProxy, viaAdmin, viaProxy } from "../shared/envoy-docker.js";

// One call to /status/500 through Envoy: httpbin answers 500 every time, so retries cannot hide it.
function status500(title: string, mustFailFirst?: boolean): Check {
  return { kind: "http", title, request: viaProxy("/status/500"), expect: { status: 500 }, ...(mustFailFirst === undefined ? {} : { mustFailFirst }) };
}

// The admin API's retry counter for httpbin_service (the book's `curl proxy:15000/stats | grep retry`).
function retryCounter(title: string, retries: number): Check {
  return {
    kind: "http",
    title,
    request: viaAdmin("/stats?filter=retry"),
    expect: { status: 200, body: [{ op: "regex", value: `^cluster\\.httpbin_service\\.upstream_rq_retry: ${retries}$` }] },
  };
}

export const ch3EnvoyRetries: LabDefinition = {
  id: "ch3-envoy-retries",
  chapter: 3,
  section: "3.3",
  title: "Envoy on its own: retries on 5xx",
  proves: "With retry_on 5xx and num_retries 3, one call to /status/500 makes Envoy try httpbin four times: upstream_rq_retry goes from 0 to 3 (Docker; admin :18000, listener :18001)",
  duration: "~1 min",
  requires: ["docker"],
  namespaces: [],
  workloads: [],
  steps: () => [
    httpbinStep(),
    {
      title: "Envoy without a retry policy: /status/500 is tried once",
      why: "The baseline: the 500 passes straight through and the cluster's retry counter stays at 0.",
      actions: runProxy(SIMPLE_CONFIG),
      checks: [status500("/status/500 through Envoy returns 500"), retryCounter("the admin API shows cluster.httpbin_service.upstream_rq_retry: 0", 0)],
      mustFailFirst: true,
    },
    {
      title: "Restart Envoy with retry_on 5xx, num_retries 3",
      why: "Envoy now retries every 5xx answer up to three times before it gives up and returns the last one.",
      actions: runProxy(RETRY_CONFIG),
      checks: [
        status500("/status/500 still returns 500 (every try fails)", false),
        retryCounter("after that one call the admin API shows cluster.httpbin_service.upstream_rq_retry: 3", 3),
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: removeEnvoyLab(),
};
