// Parses the request lines the book's catalog service logs (a morgan format without a timestamp):
// `GET catalog.istioinaction-shadow:80 /items 200 698 - 0.503 ms` (method, Host, path, status, bytes, time).
// Its second line per request (`GET /items 200 0.503 ms - 698`) carries no host and is not a match.

/** One request as catalog logged it. */
export interface CatalogRequestLog {
  method: string;
  host: string;
  path: string;
  status: number;
  /** True when Envoy marked the request as a mirror copy (Host ends in `-shadow`). */
  mirrored: boolean;
}

const LINE = /^([A-Z]+) (\S+) (\/\S*) (\d{3}) /;

// The request a catalog log line records, or undefined for any other line.
export function parseCatalogRequestLog(line: string): CatalogRequestLog | undefined {
  const match = LINE.exec(line.trim());
  if (match === null) return undefined;
  const [, method = "", host = "", path = "", status = ""] = match;
  const hostName = host.replace(/:\d+$/, "");
  return { method, host, path, status: Number(status), mirrored: hostName.endsWith("-shadow") };
}
