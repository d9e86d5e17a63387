// The network edge in Node itself: HTTP with any Host header, HTTPS with SNI and generated
// certificates, raw TCP and TLS over TCP, all to 127.0.0.1 on the cluster's host ports.

import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { HttpRequestSpec } from "../lab-types.js";
import type { CertStore } from "../certs/cert-types.js";
import { isLocalCertStore } from "../certs/cert-store.js";
import { defaultCertDir } from "../certs/cert-paths.js";
import type { Probe } from "./probe-types.js";
import { DEFAULT_PROBE_TIMEOUT_MS, startDeadline, type ProbeDeadline } from "./probe-deadline.js";
import { probeTargetOf, toProbeError, type ProbeTarget } from "./probe-failure.js";
import { resolveTlsOptions, type TlsClientOptions } from "./tls-client-options.js";
import { isServerAlert, observeHandshakeAlert } from "./handshake-alert.js";
import { sendHttpRequest } from "./http-request.js";
import { exchangeTcp, type TcpTimings } from "./tcp-exchange.js";
import { equivalentHttp, equivalentTcp } from "./probe-equivalent.js";
import { PROBE_MAX_SOCKETS } from "./probe-concurrency.js";

export interface NodeProbeOptions {
  certs: CertStore;
  /** Where every request goes; the cluster's host ports listen here. */
  address?: string;
  /** Per request (connect, handshake, response); default 5 s. */
  timeoutMs?: number;
  /** The store's folder, for equivalent commands; defaults to the store's own `dir` or the cache. */
  certDir?: string;
  /** Banner and echo read timings of tcp(). */
  tcpTimings?: TcpTimings;
}

// Runs `work` under a deadline and maps whatever it throws to a ProbeError.
async function withDeadline<T>(target: ProbeTarget, timeoutMs: number, signal: AbortSignal | undefined, work: (deadline: ProbeDeadline) => Promise<T>): Promise<T> {
  const deadline = startDeadline(timeoutMs, signal);
  try {
    return await work(deadline);
  } catch (error) {
    throw toProbeError(error, target, deadline);
  } finally {
    deadline.dispose();
  }
}

// A reset TLS request says nothing; the server's alert on a handshake-only connection does, so that is reported instead.
async function alertBehindReset(error: unknown, tls: TlsClientOptions | undefined, address: string, port: number, signal: AbortSignal): Promise<unknown> {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (tls === undefined || code !== "ECONNRESET" || signal.aborted) return error;
  const alert = await observeHandshakeAlert(address, port, tls, signal);
  return alert !== undefined && isServerAlert(alert) ? alert : error;
}

// A Probe that speaks from Node, keeping HTTP(S) connections alive between calls until close().
export function createNodeProbe(options: NodeProbeOptions): Probe {
  const address = options.address ?? "127.0.0.1";
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const certDir = options.certDir ?? (isLocalCertStore(options.certs) ? options.certs.dir : defaultCertDir());
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: PROBE_MAX_SOCKETS });
  // No TLS session cache: every new connection does a full handshake and sees the certificate.
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: PROBE_MAX_SOCKETS, maxCachedSessions: 0 });

  return {
    http(spec, signal) {
      return withDeadline(probeTargetOf(spec, address), timeoutMs, signal, async (deadline) => {
        const tls = spec.tls === undefined ? undefined : await resolveTlsOptions(spec.tls, options.certs);
        try {
          return await sendHttpRequest(spec, { address, httpAgent, httpsAgent, signal: deadline.signal, ...(tls === undefined ? {} : { tls }) });
        } catch (error) {
          throw await alertBehindReset(error, tls, address, spec.port, deadline.signal);
        }
      });
    },
    tcp(spec, signal) {
      return withDeadline(probeTargetOf(spec, address), timeoutMs, signal, async (deadline) => {
        const tls = spec.tls === undefined ? undefined : await resolveTlsOptions(spec.tls, options.certs);
        return exchangeTcp(spec, {
          address,
          signal: deadline.signal,
          ...(tls === undefined ? {} : { tls }),
          ...(options.tcpTimings === undefined ? {} : { timings: options.tcpTimings }),
        });
      });
    },
    equivalent(spec, kind) {
      return kind === "http" ? equivalentHttp(spec as HttpRequestSpec, address, certDir) : equivalentTcp(spec, address, certDir);
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
