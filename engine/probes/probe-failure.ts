// Turns a low-level network error into a ProbeError a person can act on.

import type { HttpRequestSpec, TcpRequestSpec } from "../lab-types.js";
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
  if (codeText !== undefined && /CERTIFICATE_REQUIRED|HANDSHAKE_FAILURE|BAD_CERTIFICATE|UNKNOWN_CA/.test(codeText)) {
    return new ProbeError(`${handshake}${where} failed: the server rejected the client certificate or requires one: ${detail} (${codeText})`, codeText, error);
  }
  if (codeText !== undefined && codeText.startsWith("ERR_SSL")) {
    return new ProbeError(`${handshake}${where} failed: ${detail} (${codeText})`, codeText, error);
  }
  if (codeText === "ECONNRESET" && target.serverName !== undefined) {
    return new ProbeError(`${handshake}${where} failed: the connection was reset (ECONNRESET) — a missing or rejected client certificate?`, codeText, error);
  }
  const suffix = codeText === undefined ? "" : ` (${codeText})`;
  return new ProbeError(`request to ${where} failed: ${detail}${suffix}`, codeText, error);
}
