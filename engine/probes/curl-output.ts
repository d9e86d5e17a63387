// Parsing what `curl -s -S -D - -w '<marker>%{http_code}\n%{certs}'` prints, and mapping curl's
// exit codes to ProbeErrors worded like the Node probe's.

import type { ExecResult } from "../../core/exec.js";
import { ProbeError, type HttpProbeResult } from "./probe-types.js";
import { describeCertificate } from "./presented-certificate.js";
import { STATUS_HINT, VERIFICATION_FAILED, describeServerAlert, describeTarget, type ProbeTarget } from "./probe-failure.js";

// The -w format: a marker line with the status, then the certificate chain.
export function writeOutFormat(marker: string): string {
  return `\n${marker}%{http_code}\n%{certs}`;
}

// Splits headers (the last non-1xx block written by -D -) from the body.
function splitHeadersAndBody(text: string): { head: string; body: string } {
  let rest = text;
  for (;;) {
    const end = rest.search(/\r?\n\r?\n/);
    if (end < 0) return { head: rest, body: "" };
    const head = rest.slice(0, end);
    const separator = rest.slice(end).match(/^\r?\n\r?\n/)?.[0] ?? "\n\n";
    rest = rest.slice(end + separator.length);
    if (!/^HTTP\/[\d.]+ 1\d\d/.test(head)) return { head, body: rest };
  }
}

// Header lines as lower-cased names, repeated headers joined with ", ".
function parseHeaderLines(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return headers;
}

// Status, headers, body and the server's certificate (first PEM of %{certs}) from curl's stdout.
export function parseCurlOutput(stdout: string, marker: string): HttpProbeResult {
  const at = stdout.lastIndexOf(`\n${marker}`);
  const response = at < 0 ? stdout : stdout.slice(0, at);
  const trailer = at < 0 ? "" : stdout.slice(at + marker.length + 1);
  const status = Number.parseInt(trailer, 10);
  const { head, body } = splitHeadersAndBody(response);
  const pem = trailer.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
  const certificate = pem === undefined ? undefined : describeCertificate(pem);
  return { status: Number.isNaN(status) ? 0 : status, headers: parseHeaderLines(head), body, ...(certificate === undefined ? {} : { certificate }) };
}

// The ProbeError for a curl run that exited non-zero.
export function curlFailure(result: ExecResult, target: ProbeTarget): ProbeError {
  const where = describeTarget(target);
  const lines = result.stderr.trim().split("\n");
  const said = (lines.find((line) => /^curl: \(\d+\)/.test(line)) ?? lines.pop() ?? "").trim();
  const code = `CURL_EXIT_${result.exitCode}`;
  const handshake = target.serverName === undefined ? "" : `TLS handshake with ${target.serverName} on `;
  switch (result.exitCode) {
    case 7:
      return new ProbeError(`connection refused on ${where} — ${STATUS_HINT}`, "ECONNREFUSED");
    case 28:
      return new ProbeError(`no answer from ${where} (timeout) — ${STATUS_HINT}: ${said}`, "ETIMEDOUT");
    case 51:
    case 60:
      return new ProbeError(`${handshake}${where} failed: ${VERIFICATION_FAILED}: ${said} (${code})`, code);
    case 35:
    case 56:
    case 58:
      // curl prints OpenSSL's alert text, e.g. "tlsv13 alert certificate required".
      const alert = /alert ((?:certificate required|handshake failure|bad certificate|unknown ca|certificate unknown|access denied))/i.exec(said)?.[1];
      if (alert !== undefined) return new ProbeError(`${handshake}${where} failed: ${describeServerAlert(alert)}: ${said} (${code})`, code);
      return new ProbeError(`${handshake}${where} failed: ${said} (${code})`, code);
    case 52:
      // "Empty reply from server": the connection closed before any response byte.
      return new ProbeError(`request to ${where} failed: ${said} (${code})`, code, undefined, true);
    default:
      return new ProbeError(`request to ${where} failed: ${said} (${code})`, code);
  }
}
