import type { HttpRequestSpec, TcpRequestSpec } from "../lab-types.js";

/** The certificate a TLS server presented. */
export interface PresentedCertificate {
  subject: string;
  issuer: string;
  /** As Node prints it: "DNS:a.example, DNS:b.example". */
  subjectAltName: string;
  fingerprint256: string;
  pem: string;
}

export interface HttpProbeResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  certificate?: PresentedCertificate;
}

export interface TcpProbeResult {
  banner: string;
  echo: string;
  certificate?: PresentedCertificate;
}

/** The network edge: traffic from the user's machine to the cluster's host ports. */
export interface Probe {
  /** Rejects with a ProbeError when the connection, handshake or request fails. */
  http(spec: HttpRequestSpec, signal?: AbortSignal): Promise<HttpProbeResult>;
  tcp(spec: TcpRequestSpec, signal?: AbortSignal): Promise<TcpProbeResult>;
  /** The command a person would type for the same request (curl / openssl s_client / nc). */
  equivalent(spec: HttpRequestSpec | TcpRequestSpec, kind: "http" | "tcp"): string;
  /** Releases keep-alive sockets. */
  close(): void;
}

/** A failed connection, handshake or request; `code` is Node's (ECONNREFUSED, ERR_SSL_..., ...) when known. */
export class ProbeError extends Error {
  readonly code: string | undefined;
  /** The connection broke (reset, closed) before any response byte and without a TLS alert: a transport failure,
   * not an answer from the mesh (e.g. Docker Desktop's port proxy dropping a connection under load). */
  readonly beforeResponse: boolean;
  constructor(message: string, code?: string, cause?: unknown, beforeResponse = false) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ProbeError";
    this.code = code;
    this.beforeResponse = beforeResponse;
  }
}
