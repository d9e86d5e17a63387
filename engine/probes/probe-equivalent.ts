// The command a person would type for a probe: curl for HTTP(S), nc for TCP, openssl s_client for TLS.
// Pure: certificate paths come from the store's folder layout, so nothing is generated here.

import { formatCommand } from "../../core/shell-quote.js";
import type { HttpRequestSpec, TcpRequestSpec, TlsClientSpec } from "../lab-types.js";
import { caPaths, leafPaths, type LeafPaths } from "../certs/cert-paths.js";

// The request path, always starting with "/".
export function normalizePath(path: string): string {
  return path.startsWith("/") ? path : `/${path}`;
}

// The method a request uses: explicit, else POST with a body, else GET.
export function methodOf(spec: HttpRequestSpec): string {
  return (spec.method ?? (spec.body === undefined ? "GET" : "POST")).toUpperCase();
}

// The URL curl is given: 127.0.0.1 for HTTP, the server name (resolved to 127.0.0.1) for HTTPS.
export function urlOf(spec: HttpRequestSpec, address: string): string {
  const host = spec.tls === undefined ? address : spec.tls.serverName;
  return `${spec.tls === undefined ? "http" : "https"}://${host}:${spec.port}${normalizePath(spec.path)}`;
}

/** The certificate files a TLS request names: the CA to trust and the client certificate, when it uses them. */
export interface TlsFiles {
  caPath?: string;
  client?: LeafPaths;
}

// The files of a TLS spec in the store's folder layout (nothing is generated).
export function tlsFilesIn(tls: TlsClientSpec, certDir: string): TlsFiles {
  const client = tls.clientCertOf;
  return {
    ...(tls.caName === undefined ? {} : { caPath: caPaths(certDir, tls.caName).certPath }),
    ...(client === undefined ? {} : { client: leafPaths(certDir, client.caName, client.commonName, "client") }),
  };
}

// curl's TLS arguments: --resolve to the address, --cacert and --cert/--key for the given files.
export function curlTlsArgs(spec: HttpRequestSpec & { tls: TlsClientSpec }, address: string, files: TlsFiles): string[] {
  const args = ["--resolve", `${spec.tls.serverName}:${spec.port}:${address}`];
  if (files.caPath !== undefined) args.push("--cacert", files.caPath);
  if (files.client !== undefined) args.push("--cert", files.client.certPath, "--key", files.client.keyPath);
  return args;
}

// curl's request arguments: -X when not implied, -H for Host and each header, -d for the body.
export function curlRequestArgs(spec: HttpRequestSpec, bodyFlag: "-d" | "--data-binary"): string[] {
  const args: string[] = [];
  const method = methodOf(spec);
  if (method !== (spec.body === undefined ? "GET" : "POST")) args.push("-X", method);
  if (spec.host !== undefined) args.push("-H", `Host: ${spec.host}`);
  for (const [name, value] of Object.entries(spec.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (spec.body !== undefined) args.push(bodyFlag, spec.body);
  return args;
}

// `curl -s -H 'Host: x' http://127.0.0.1:30000/path` or its HTTPS form with --resolve and --cacert.
export function equivalentHttp(spec: HttpRequestSpec, address: string, certDir: string): string {
  const tlsArgs = spec.tls === undefined ? [] : curlTlsArgs({ ...spec, tls: spec.tls }, address, tlsFilesIn(spec.tls, certDir));
  return formatCommand("curl", ["-s", ...tlsArgs, ...curlRequestArgs(spec, "-d"), urlOf(spec, address)]);
}

// `nc 127.0.0.1 30006`, or `openssl s_client -connect ... -servername ... -CAfile ...` with TLS.
export function equivalentTcp(spec: TcpRequestSpec, address: string, certDir: string): string {
  if (spec.tls === undefined) return formatCommand("nc", [address, String(spec.port)]);
  const files = tlsFilesIn(spec.tls, certDir);
  const args = ["s_client", "-connect", `${address}:${spec.port}`, "-servername", spec.tls.serverName];
  if (files.caPath !== undefined) args.push("-CAfile", files.caPath);
  if (files.client !== undefined) args.push("-cert", files.client.certPath, "-key", files.client.keyPath);
  return formatCommand("openssl", args);
}
