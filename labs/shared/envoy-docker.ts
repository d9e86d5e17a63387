import type { Action, HttpRequestSpec, Matcher, Step } from "../../engine/lab-types.js";

// The ch3 labs run Envoy and httpbin as plain Docker containers (no cluster), as the book does. Host ports
// stay clear of kind's 30000-30007: Envoy's admin 15000 -> 18000, its listener 15001 -> 18001, httpbin's 8000
// -> 18080, all published on 127.0.0.1 only. Container names carry a `ch3-` prefix so cleanup never removes
// someone's own `proxy` or `httpbin`; Envoy finds httpbin by its network alias, as the book's config expects.

export const ENVOY_IMAGE = "envoyproxy/envoy:v1.19.0";
/** The seed's httpbin (Go, maintained, multi-arch), pinned by tag; it listens on 8080 unless PORT says otherwise,
 * and the seed sets PORT=8000 to match the book's configs. */
export const HTTPBIN_IMAGE = "mccutchen/go-httpbin:v2.15.0";
export const DOCKER_NETWORK = "envoymesh";
export const HTTPBIN_CONTAINER = "ch3-httpbin";
export const PROXY_CONTAINER = "ch3-proxy";

export const ADMIN_PORT = 18000;
export const LISTENER_PORT = 18001;
export const HTTPBIN_PORT = 18080;

/** The Envoy configurations (Envoy bootstrap YAML, not Kubernetes manifests). */
export const SIMPLE_CONFIG = "labs/ch3-envoy/simple.envoy.yaml";
export const TIMEOUT_CONFIG = "labs/ch3-envoy/simple-change-timeout.envoy.yaml";
export const RETRY_CONFIG = "labs/ch3-envoy/simple-retry.envoy.yaml";

/** X-Envoy-Expected-Rq-Timeout-Ms in httpbin's echo of the request headers (a string, or go-httpbin's one-element list). */
export function expectedTimeoutHeader(ms: number): Matcher {
  return { op: "regex", value: `"X-Envoy-Expected-Rq-Timeout-Ms":\\s*\\[?\\s*"${ms}"` };
}

// GET through Envoy's listener (the book's `curl http://proxy:15001<path>`).
export function viaProxy(path: string): HttpRequestSpec {
  return { port: LISTENER_PORT, path };
}

// A request to Envoy's admin API (the book's `curl http://proxy:15000<path>`).
export function viaAdmin(path: string, method?: string): HttpRequestSpec {
  return { port: ADMIN_PORT, path, ...(method === undefined ? {} : { method }) };
}

// Removes the lab's containers and network; absent ones are fine (cleanup, and a fresh start).
export function removeEnvoyLab(): Action[] {
  return [
    { kind: "docker", args: ["rm", "-f", PROXY_CONTAINER, HTTPBIN_CONTAINER], ignoreFailure: true },
    { kind: "docker", args: ["network", "rm", DOCKER_NETWORK], ignoreFailure: true },
  ];
}

// Starts Envoy with `config` (any running proxy is replaced: Envoy reads this static config only at start).
export function runProxy(config: string): Action[] {
  return [
    { kind: "docker", args: ["rm", "-f", PROXY_CONTAINER], ignoreFailure: true },
    {
      kind: "docker",
      args: [
        "run", "-d", "--name", PROXY_CONTAINER, "--network", DOCKER_NETWORK,
        "-p", `127.0.0.1:${ADMIN_PORT}:15000`, "-p", `127.0.0.1:${LISTENER_PORT}:15001`,
        "-v", `{projectRoot}/${config}:/etc/envoy/envoy.yaml:ro`,
        ENVOY_IMAGE, "-c", "/etc/envoy/envoy.yaml",
      ],
    },
  ];
}

// Network and httpbin; httpbin answers directly on 18080, and its /headers shows no Envoy header.
export function httpbinStep(): Step {
  return {
    title: "Start httpbin on the Docker network envoymesh",
    why: "httpbin echoes the request headers, so what Envoy adds on the way becomes visible; direct calls carry none.",
    actions: [
      ...removeEnvoyLab(),
      // Left over from an earlier run (its containers still attached)? Then it already exists, which is fine.
      { kind: "docker", args: ["network", "create", DOCKER_NETWORK], ignoreFailure: true },
      {
        kind: "docker",
        args: ["run", "-d", "--name", HTTPBIN_CONTAINER, "--network", DOCKER_NETWORK, "--network-alias", "httpbin", "-e", "PORT=8000", "-p", `127.0.0.1:${HTTPBIN_PORT}:8000`, HTTPBIN_IMAGE],
      },
    ],
    checks: [
      {
        kind: "http",
        title: "httpbin's /headers, called directly, has no Envoy headers",
        request: { port: HTTPBIN_PORT, path: "/headers" },
        expect: { status: 200, body: [{ op: "contains", value: '"headers"' }, { op: "not-contains", value: "X-Envoy-Expected-Rq-Timeout-Ms" }] },
      },
    ],
    mustFailFirst: true,
  };
}
