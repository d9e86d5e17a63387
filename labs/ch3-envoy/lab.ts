import type { LabDefinition } from "../../engine/lab-types.js";
import {
  ADMIN_PORT,
  HTTPBIN_PORT,
  LISTENER_PORT,
  SIMPLE_CONFIG,
  TIMEOUT_CONFIG,
  expectedTimeoutHeader,
  httpbinStep,
  removeEnvoyLab,
  runProxy,
  viaAdmin,
  viaProxy,
} from "../shared/envoy-docker.js";

export const ch3Envoy: LabDefinition = {
  id: "ch3-envoy",
  chapter: 3,
  section: "3.3",
  title: "Envoy on its own: proxy headers, timeouts, admin API",
  proves: `Envoy (Docker, admin :${ADMIN_PORT}, listener :${LISTENER_PORT}, httpbin :${HTTPBIN_PORT}; clear of kind's 30000-30007) adds X-Envoy-Expected-Rq-Timeout-Ms and X-Request-Id, enforces a 1 s route timeout with 504, and exposes its admin API`,
  duration: "~1 min",
  requires: ["docker"],
  namespaces: [],
  workloads: [],
  steps: () => [
    httpbinStep(),
    {
      title: "Put Envoy in front of httpbin (the book's simple config)",
      why: `The listener 15001 (host ${LISTENER_PORT}) routes every path to httpbin and adds its own request headers; the admin API is on 15000 (host ${ADMIN_PORT}).`,
      actions: runProxy(SIMPLE_CONFIG),
      checks: [
        {
          kind: "http",
          title: "through Envoy, /headers shows X-Envoy-Expected-Rq-Timeout-Ms 15000 and an X-Request-Id",
          // Python httpbin hides X-Request-Id (a Heroku "environment" header) unless asked; go-httpbin ignores the flag.
          request: viaProxy("/headers?show_env=1"),
          expect: { status: 200, body: [expectedTimeoutHeader(15000), { op: "regex", value: '"X-Request-Id":\\s*\\[?\\s*"[0-9a-f-]{36}"' }] },
        },
        {
          kind: "http",
          title: "the admin API switches the http logger to debug (POST /logging?http=debug)",
          request: viaAdmin("/logging?http=debug", "POST"),
          expect: { status: 200, body: [{ op: "regex", value: "^\\s*http: debug$" }] },
        },
        {
          kind: "http",
          title: "/stats/prometheus has Envoy's metrics for the httpbin_service cluster",
          request: viaAdmin("/stats/prometheus"),
          expect: { status: 200, body: [{ op: "contains", value: 'envoy_cluster_upstream_rq_total{envoy_cluster_name="httpbin_service"}' }] },
        },
      ],
      mustFailFirst: true,
    },
    {
      title: "Restart Envoy with a 1 s route timeout",
      why: "The route's timeout is what Envoy announces upstream and enforces: slower answers become 504 upstream request timeout.",
      actions: runProxy(TIMEOUT_CONFIG),
      checks: [
        {
          kind: "http",
          title: "X-Envoy-Expected-Rq-Timeout-Ms is now 1000",
          request: viaProxy("/headers"),
          expect: { status: 200, body: [expectedTimeoutHeader(1000)] },
        },
        { kind: "http", title: "/delay/0.5 still answers 200", request: viaProxy("/delay/0.5"), expect: { status: 200 }, mustFailFirst: false },
        {
          kind: "http",
          title: "/delay/2 ends after 1 s with 504 upstream request timeout",
          request: viaProxy("/delay/2"),
          expect: { status: 504, body: [{ op: "contains", value: "upstream request timeout" }] },
        },
      ],
      mustFailFirst: true,
    },
  ],
  cleanup: removeEnvoyLab(),
};
