// The ingress gateway's Service ports: one table for the IstioOperator, the kind port mappings and the docs.

/** One port of the istio-ingressgateway Service. */
export interface GatewayPort {
  /** Service port name; the default profile's names are kept so istioctl merges rather than duplicates. */
  name: string;
  port: number;
  targetPort: number;
  /** Fixed NodePort: 30000-30007 are the ones kind maps to the host; every other port gets a number outside
   * them, so Kubernetes never picks one at random that a lab needs. */
  nodePort: number;
  purpose: string;
}

// The default profile has only 15021/80/443; 31400 is added for the TCP and SNI passthrough labs.
export const INGRESS_GATEWAY_PORTS: readonly GatewayPort[] = [
  { name: "status-port", port: 15021, targetPort: 15021, nodePort: 32021, purpose: "gateway health (kept from the default profile; not mapped to the host)" },
  { name: "http2", port: 80, targetPort: 8080, nodePort: 30000, purpose: "HTTP routes" },
  { name: "https", port: 443, targetPort: 8443, nodePort: 30005, purpose: "HTTPS (SIMPLE/MUTUAL TLS) routes" },
  { name: "tcp", port: 31400, targetPort: 31400, nodePort: 30006, purpose: "TCP echo and TLS SNI passthrough" },
];

// The NodePort that exposes a gateway Service port, or undefined for a port the gateway does not have.
export function gatewayNodePort(port: number): number | undefined {
  return INGRESS_GATEWAY_PORTS.find((p) => p.port === port)?.nodePort;
}
