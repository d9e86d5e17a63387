// A Probe for --dry-run: it only writes the equivalent commands, so it loads no HTTP, TLS or certificate code.

import type { HttpRequestSpec } from "../lab-types.js";
import { equivalentHttp, equivalentTcp } from "./probe-equivalent.js";
import { ProbeError, type Probe } from "./probe-types.js";

// Commands as the Node probe would print them for `address` and the certificates in `certDir`; sends nothing.
export function createPlanProbe(certDir: string, address = "127.0.0.1"): Probe {
  const refuse = (): Promise<never> => Promise.reject(new ProbeError("the plan probe sends no traffic (--dry-run)"));
  return {
    http: refuse,
    tcp: refuse,
    equivalent(spec, kind) {
      return kind === "http" ? equivalentHttp(spec as HttpRequestSpec, address, certDir) : equivalentTcp(spec, address, certDir);
    },
    close() {},
  };
}
