// One HTTP(S) request from Node to 127.0.0.1 with any Host header, over a keep-alive agent.

import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import { request as httpsRequest, type Agent as HttpsAgent } from "node:https";
import type { TLSSocket } from "node:tls";
import type { HttpRequestSpec } from "../lab-types.js";
import type { HttpProbeResult } from "./probe-types.js";
import type { TlsClientOptions } from "./tls-client-options.js";
import { describePeerCertificate } from "./presented-certificate.js";
import { methodOf, normalizePath } from "./probe-equivalent.js";

/** Larger bodies are cut here (a probe reads API responses, not downloads). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface HttpRequestContext {
  address: string;
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
  /** Set for HTTPS. */
  tls?: TlsClientOptions;
  signal: AbortSignal;
}

// The Host header: the spec's, else what curl would send for the same URL.
export function hostHeaderOf(spec: HttpRequestSpec, address: string): string {
  if (spec.host !== undefined) return spec.host;
  return `${spec.tls === undefined ? address : spec.tls.serverName}:${spec.port}`;
}

// Header values as one string each (repeated headers joined with ", ").
export function flattenHeaders(headers: IncomingMessage["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

// Sends the request and reads the whole response; rejects with the raw Node error. A kept-alive
// socket the server closed meanwhile fails with ECONNRESET: that one case is retried on a new socket.
export async function sendHttpRequest(spec: HttpRequestSpec, context: HttpRequestContext): Promise<HttpProbeResult> {
  try {
    return await sendOnce(spec, context);
  } catch (error) {
    if (!(error instanceof StaleSocketError)) throw error;
    return sendOnce(spec, context).catch((again: unknown) => {
      throw again instanceof StaleSocketError ? again.cause : again;
    });
  }
}

/** A request that failed on a reused keep-alive socket before any response. */
class StaleSocketError extends Error {}

/** Set on a Node error that ended a request before any response byte arrived. */
export const BEFORE_RESPONSE = Symbol("before-response");

function sendOnce(spec: HttpRequestSpec, context: HttpRequestContext): Promise<HttpProbeResult> {
  const headers: OutgoingHttpHeaders = { ...spec.headers, host: hostHeaderOf(spec, context.address) };
  if (spec.body !== undefined) headers["content-length"] = Buffer.byteLength(spec.body);
  const common = { host: context.address, port: spec.port, path: normalizePath(spec.path), method: methodOf(spec), headers, signal: context.signal };
  return new Promise((resolve, reject) => {
    let responded = false;
    const onResponse = (response: IncomingMessage): void => {
      responded = true;
      // Read the certificate now: at "end" a keep-alive socket may already be back in the pool.
      const socket = response.socket as TLSSocket | null;
      const certificate = context.tls === undefined ? undefined : describePeerCertificate(socket?.getPeerCertificate?.());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      response.on("error", reject);
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: flattenHeaders(response.headers),
          body: Buffer.concat(chunks).toString("utf8"),
          ...(certificate === undefined ? {} : { certificate }),
        });
      });
    };
    const request =
      context.tls === undefined
        ? httpRequest({ ...common, agent: context.httpAgent }, onResponse)
        : httpsRequest({ ...common, ...context.tls, agent: context.httpsAgent }, onResponse);
    request.on("error", (error: NodeJS.ErrnoException) => {
      const stale = request.reusedSocket && !responded && (error.code === "ECONNRESET" || error.code === "EPIPE") && !context.signal.aborted;
      if (!responded) Object.assign(error, { [BEFORE_RESPONSE]: true });
      reject(stale ? new StaleSocketError(error.message, { cause: error }) : error);
    });
    request.end(spec.body);
  });
}
