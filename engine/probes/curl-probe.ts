// The --probe=curl variant: the same HTTP(S) requests through the system curl, parsed into the same
// result shape so that the same assertions apply. TCP goes through the Node probe.

import { randomBytes } from "node:crypto";
import type { Exec } from "../../core/exec.js";
import type { HttpRequestSpec } from "../lab-types.js";
import type { CertStore } from "../certs/cert-types.js";
import { ProbeError, type Probe } from "./probe-types.js";
import { createNodeProbe, type NodeProbeOptions } from "./node-probe.js";
import { curlRequestArgs, curlTlsArgs, urlOf, type TlsFiles } from "./probe-equivalent.js";
import { DEFAULT_PROBE_TIMEOUT_MS } from "./probe-deadline.js";
import { curlFailure, parseCurlOutput, writeOutFormat } from "./curl-output.js";
import { describeTarget, probeTargetOf } from "./probe-failure.js";

export interface CurlProbeOptions extends Omit<NodeProbeOptions, "certs"> {
  exec: Exec;
  certs: CertStore;
  /** The curl binary; default "curl" from PATH. */
  curl?: string;
}

// curl's TLS arguments with files the store has actually written (the CA and client cert exist after this).
async function tlsArgsOf(spec: HttpRequestSpec, address: string, certs: CertStore): Promise<string[]> {
  if (spec.tls === undefined) return [];
  const { caName, clientCertOf: client } = spec.tls;
  const files: TlsFiles = {
    ...(caName === undefined ? {} : { caPath: (await certs.ca(caName)).certPath }),
    ...(client === undefined ? {} : { client: await certs.issue(client.caName, client.commonName, "client") }),
  };
  return curlTlsArgs({ ...spec, tls: spec.tls }, address, files);
}

// A Probe whose http() runs `curl` through the injected Exec.
export function createCurlProbe(options: CurlProbeOptions): Probe {
  const address = options.address ?? "127.0.0.1";
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const node = createNodeProbe(options);

  return {
    async http(spec, signal) {
      const target = probeTargetOf(spec, address);
      const marker = `__istio_lab_${randomBytes(8).toString("hex")}__`;
      const args = [
        "-q", "-s", "-S", "--noproxy", "*", "-D", "-",
        "--max-time", String(timeoutMs / 1000),
        "-w", writeOutFormat(marker),
        ...(await tlsArgsOf(spec, address, options.certs)),
        ...curlRequestArgs(spec, "--data-binary"),
        urlOf(spec, address),
      ];
      let result;
      try {
        result = await options.exec(options.curl ?? "curl", args, { allowFailure: true, timeoutMs: timeoutMs + 2_000, ...(signal === undefined ? {} : { signal }) });
      } catch (error) {
        if (signal?.aborted) throw new ProbeError(`request to ${describeTarget(target)} was aborted`, "ABORT_ERR", error);
        throw error;
      }
      if (result.exitCode !== 0) throw curlFailure(result, target);
      return parseCurlOutput(result.stdout, marker);
    },
    tcp: (spec, signal) => node.tcp(spec, signal),
    equivalent: (spec, kind) => node.equivalent(spec, kind),
    close: () => node.close(),
  };
}
