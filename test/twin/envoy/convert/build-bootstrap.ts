// A proxy's generated config (istioctl's listeners, routes and clusters) as one static Envoy bootstrap for
// upstream Envoy on loopback: Istio-only filters stripped, RDS inlined, EDS made STATIC on the stand-ins,
// SDS made static secrets, listeners bound to kernel-picked ports of 127.0.0.1.

import { TwinError } from "../harness/twin-error.js";
import { loopbackAddress } from "../harness/start-envoy.js";
import { inlineRoutes } from "./inline-routes.js";
import { recordOf, stringOf, type Json } from "./json-shapes.js";
import { staticCluster, type EndpointResolver } from "./static-clusters.js";
import { staticSecret, staticSecretRefs, type SecretMaterial } from "./static-secrets.js";
import { stripIstioExtensions } from "./strip-istio-extensions.js";

/** What `istioctl proxy-config listeners|routes|clusters <proxy> -o json` print. */
export interface ProxyConfigDump {
  listeners: readonly Json[];
  routes: readonly Json[];
  clusters: readonly Json[];
}

export interface BootstrapOptions {
  /** The proxy's listener ports to serve (gateway 8080, 8443, ...; a sidecar's outbound 80); all bound ones when omitted. */
  ports?: readonly number[];
  endpoints: EndpointResolver;
  /** The material of a secret an SDS reference names (`kubernetes://webapp-credential`). */
  secret: (name: string) => SecretMaterial | undefined;
}

/** The bootstrap, and which listener served each of the proxy's ports. */
export interface ConvertedProxy {
  bootstrap: Json;
  listenerByPort: ReadonlyMap<number, string>;
  /** Istio-only filters that were removed. */
  removed: string[];
}

/** Runtime that keeps the deprecated fields Istio 1.17 still writes (max_grpc_timeout, RouteAction.cors) loadable. */
const DEPRECATED_FEATURES_RUNTIME = { layers: [{ name: "twin-deprecated-features", staticLayer: { "envoy.features.enable_all_deprecated_features": true } }] };

const portOf = (listener: Json): number | undefined => {
  const port = recordOf(recordOf(listener.address).socketAddress).portValue;
  return typeof port === "number" ? port : undefined;
};

// Istio's capture listeners (virtualOutbound/virtualInbound) need iptables; the twin never serves them.
const isCaptureListener = (listener: Json): boolean => listener.useOriginalDst === true || /^virtual(Outbound|Inbound)$/.test(stringOf(listener.name) ?? "");

// A resource without the `@type` it carries when printed from a config dump's Any.
const unwrapped = (resource: Json): Json => {
  const copy: Json = { ...resource };
  delete copy["@type"];
  return copy;
};

// Converts the dump; throws a TwinError for a secret the lab did not generate.
export function buildBootstrap(printed: ProxyConfigDump, options: BootstrapOptions): ConvertedProxy {
  const dump = { listeners: printed.listeners.map(unwrapped), routes: printed.routes.map(unwrapped), clusters: printed.clusters.map(unwrapped) };
  const listenerByPort = new Map<number, string>();
  const served = dump.listeners.filter((listener) => {
    const port = portOf(listener);
    if (port === undefined || isCaptureListener(listener)) return false;
    return options.ports === undefined ? listener.bindToPort !== false : options.ports.includes(port);
  });
  const listeners = served.map((listener) => {
    listenerByPort.set(portOf(listener) ?? 0, stringOf(listener.name) ?? "");
    const copy: Json = { ...inlineRoutes(listener, dump.routes), address: loopbackAddress() };
    delete copy.bindToPort;
    return copy;
  });
  const stripped = stripIstioExtensions({ listeners, clusters: dump.clusters.map((cluster) => staticCluster(cluster, options.endpoints)) });
  const { config, names } = staticSecretRefs(stripped.config);
  const secrets = names.map((name) => {
    const material = options.secret(name);
    if (material === undefined) throw new TwinError(`the config references secret ${name}, which the lab never generated`);
    return staticSecret(name, material);
  });
  return {
    bootstrap: { staticResources: { ...config, secrets }, layeredRuntime: DEPRECATED_FEATURES_RUNTIME },
    listenerByPort,
    removed: stripped.removed,
  };
}
