// Every exercise of the study notes (spec/labs.md), including the ones not built yet.
// Built labs are in registry.ts; `list` marks the others as planned, and running one says so.

export interface CatalogEntry {
  id: string;
  chapter: number;
  section: string;
  title: string;
}

export const CATALOG: readonly CatalogEntry[] = [
  { id: "ch2-first-mesh", chapter: 2, section: "2.3", title: "Deploy catalog and webapp into the mesh and reach them through the gateway" },
  { id: "ch2-observability", chapter: 2, section: "2.4", title: "Prometheus, Grafana, Kiali and Jaeger see the traffic" },
  { id: "ch2-retries", chapter: 2, section: "2.5", title: "Retries turn a 51% failure rate into about 7%" },
  { id: "ch2-dark-launch", chapter: 2, section: "2.5", title: "Dark launch v2 behind the x-dark-launch header" },
  { id: "ch3-envoy", chapter: 3, section: "3.3", title: "Envoy on its own: proxy headers, timeouts, admin API" },
  { id: "ch3-envoy-retries", chapter: 3, section: "3.3", title: "Envoy on its own: retries on 5xx" },
  { id: "ch4-gateway-routing", chapter: 4, section: "4.2", title: "Route two hosts through one Gateway" },
  { id: "ch4-tls", chapter: 4, section: "4.3.1", title: "HTTPS at the gateway with a generated certificate" },
  { id: "ch4-https-redirect", chapter: 4, section: "4.3.2", title: "Redirect HTTP to HTTPS" },
  { id: "ch4-mtls", chapter: 4, section: "4.3.3", title: "Mutual TLS at the gateway" },
  { id: "ch4-multi-host-tls", chapter: 4, section: "4.3.4", title: "Two HTTPS hosts, certificate chosen by SNI" },
  { id: "ch4-tcp", chapter: 4, section: "4.4.1", title: "Plain TCP through the gateway (tcp-echo)" },
  { id: "ch4-sni-passthrough", chapter: 4, section: "4.4.2", title: "SNI passthrough: the backends terminate their own TLS" },
  { id: "ch4-split-gateway", chapter: 4, section: "4.5.1", title: "A second gateway for a team" },
  { id: "ch4-gateway-injection", chapter: 4, section: "4.5.2", title: "Gateway injection" },
  { id: "ch4-access-logs", chapter: 4, section: "4.5.3", title: "Gateway access logs with the Telemetry API" },
  { id: "ch4-gateway-config-trim", chapter: 4, section: "4.5.4", title: "Trim the gateway's cluster config" },
  { id: "ch4-debug-gateway-ref", chapter: 4, section: "4", title: "Debug a VirtualService that names a missing gateway" },
  { id: "ch5-routing", chapter: 5, section: "5.2", title: "Route catalog by subset and by header at the gateway" },
  { id: "ch5-mesh-routing", chapter: 5, section: "5.2.6", title: "Route deep in the call graph (mesh gateway)" },
  { id: "ch5-traffic-shifting", chapter: 5, section: "5.3", title: "Shift 10%, then 50%, of traffic to v2" },
  { id: "ch5-canary", chapter: 5, section: "5.3.1", title: "Automated canary release with Flagger" },
  { id: "ch5-canary-rollback", chapter: 5, section: "5.3.1", title: "Flagger rolls back a canary that returns 500s" },
  { id: "ch5-mirror", chapter: 5, section: "5.4", title: "Mirror traffic to v2 without users seeing it" },
  { id: "ch5-registry-only", chapter: 5, section: "5.5", title: "Block unknown egress (REGISTRY_ONLY) and allow it with a ServiceEntry" },
  { id: "extra-envoyfilter-lua", chapter: 5, section: "extra", title: "EnvoyFilter with Lua logging response bodies" },
];
