// Turns a low-level network error into a ProbeError a person can act on.

import type { HttpRequestSpec, TcpRequestSpec } from "../lab-types.js";
import { BEFORE_RESPONSE } from "./http-request.js";
import { ProbeError } from "./probe-types.js";
import type { ProbeDeadline } from "./probe-deadline.js";

/** Where the probe was going when it failed. */
export interface ProbeTarget {
  address: string;
  port: number;
  /** The TLS server name, when the probe speaks TLS. */
  serverName?: string;
}

/** The phrase every certificate verification failure carries, whichever probe saw it. */
export const VERIFICATION_FAILED = "certificate verification failed";

// Node's codes for a server certificate that could not be verified.
const VERIFY_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "INVALID_CA",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

export const STATUS_HINT = "is the cluster up? (`npm run lab status`)";

/** The phrase of a TLS alert the server sent; only an alert (not a reset) shows why a handshake ended. */
export const TLS_ALERT_FROM_SERVER = "TLS alert from the server";

/** Alerts by which a server refuses a client certificate or demands one (RFC 8446 6.2). */
const CLIENT_CERT_ALERTS = new Set(["certificate required", "bad certificate", "unknown ca", "certificate unknown", "handshake failure", "access denied"]);

// "TLS alert from the server: certificate required (it refused the client certificate or required one)", from an alert's name.
export function describeServerAlert(alert: string): string {
  const name = alert.toLowerCase().replaceAll("_", " ").trim();
  return `${TLS_ALERT_FROM_SERVER}: ${name}${CLIENT_CERT_ALERTS.has(name) ? " (it refused the client certificate or required one)" : ""}`;
}

// The alert's name in OpenSSL's error code (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED -> CERTIFICATE_REQUIRED).
function alertOfCode(code: string): string | undefined {
  return /^ERR_SSL_(?:TLSV13|TLSV1|SSLV3)_ALERT_([A-Z_]+)$/.exec(code)?.[1];
}

// Where a request spec goes from `address`, for failure messages.
export function probeTargetOf(spec: HttpRequestSpec | TcpRequestSpec, address: string): ProbeTarget {
  return { address, port: spec.port, ...(spec.tls === undefined ? {} : { serverName: spec.tls.serverName }) };
}

// "127.0.0.1:30000".
export function describeTarget(target: ProbeTarget): string {
  return `${target.address}:${target.port}`;
}

// The ProbeError for an error thrown while connecting, handshaking or talking to `target`.
export function toProbeError(error: unknown, target: ProbeTarget, deadline?: ProbeDeadline): ProbeError {
  if (error instanceof ProbeError) return error;
  const where = describeTarget(target);
  if (deadline?.timedOut()) {
    return new ProbeError(`no answer from ${where} within ${deadline.timeoutMs} ms (timeout) — ${STATUS_HINT}`, "ETIMEDOUT", error);
  }
  if (deadline?.signal.aborted) return new ProbeError(`request to ${where} was aborted`, "ABORT_ERR", error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const codeText = typeof code === "string" ? code : undefined;
  // OpenSSL errors carry a short `reason` ("tlsv13 alert certificate required") beside a long message.
  const reason = (error as { reason?: unknown } | undefined)?.reason;
  const detail = typeof reason === "string" && reason !== "" ? reason : error instanceof Error ? error.message : String(error);
  const handshake = target.serverName === undefined ? "" : `TLS handshake with ${target.serverName} on `;
  if (codeText === "ECONNREFUSED") return new ProbeError(`connection refused on ${where} — ${STATUS_HINT}`, codeText, error);
  if (codeText !== undefined && VERIFY_CODES.has(codeText)) {
    return new ProbeError(`${handshake}${where} failed: ${VERIFICATION_FAILED}: ${detail} (${codeText})`, codeText, error);
  }
  const alert = codeText === undefined ? undefined : alertOfCode(codeText);
  if (alert !== undefined) return new ProbeError(`${handshake}${where} failed: ${describeServerAlert(alert)}: ${detail} (${codeText})`, codeText, error);
  if (codeText !== undefined && codeText.startsWith("ERR_SSL")) {
    return new ProbeError(`${handshake}${where} failed: ${detail} (${codeText})`, codeText, error);
  }
  if (codeText === "ECONNRESET" && target.serverName !== undefined) {
    return new ProbeError(`${handshake}${where} failed: the connection was reset with no TLS alert (ECONNRESET), which shows nothing about why`, codeText, error);
  }
  const suffix = codeText === undefined ? "" : ` (${codeText})`;
  return new ProbeError(`request to ${where} failed: ${detail}${suffix}`, codeText, error, isTransportBreak(error, codeText));
}

// A plain connection reset or close before any response byte (no TLS alert: those returned above).
function isTransportBreak(error: unknown, code: string | undefined): boolean {
  return (error as Record<symbol, unknown> | undefined)?.[BEFORE_RESPONSE] === true && (code === "ECONNRESET" || code === "EPIPE" || code === "ECONNABORTED");
}
