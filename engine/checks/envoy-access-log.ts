// Parses one line of Istio's default Envoy access log (TEXT format, Istio 1.17):
// [START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS DETAILS TERMINATION "TRANSPORT_FAILURE" BYTES_IN BYTES_OUT
// DURATION UPSTREAM_TIME "X-FORWARDED-FOR" "USER-AGENT" "REQUEST-ID" "AUTHORITY" "UPSTREAM_HOST"
// UPSTREAM_CLUSTER UPSTREAM_LOCAL DOWNSTREAM_LOCAL DOWNSTREAM_REMOTE SNI ROUTE_NAME
// Fields Envoy prints as `-` come back undefined. A prefix before `[` (stern's "pod container") is kept.

/** The fields of one access-log line that checks look at. */
export interface EnvoyAccessLogEntry {
  /** Text before the `[time]`, e.g. stern's `webapp-7685bcb84-h5knf istio-proxy`. */
  prefix?: string;
  startTime: string;
  method?: string;
  path?: string;
  protocol?: string;
  /** 0 for TCP connections and resets. */
  responseCode: number;
  responseFlags?: string;
  authority?: string;
  upstreamHost?: string;
  upstreamCluster?: string;
  downstreamLocalAddress?: string;
  downstreamRemoteAddress?: string;
  requestedServerName?: string;
  routeName?: string;
}

const LINE = /^(.*?)\[(\d{4}-\d{2}-\d{2}T[^\]]+)\]\s+(.*)$/;

// The entry for an access-log line, or undefined when the line is not one.
export function parseEnvoyAccessLog(line: string): EnvoyAccessLogEntry | undefined {
  const match = LINE.exec(line.trim());
  if (match === null) return undefined;
  const [, prefix = "", startTime = "", rest = ""] = match;
  const fields = splitFields(rest);
  if (fields.length < 16) return undefined;
  const request = (fields[0] ?? "").split(" ");
  const responseCode = Number(fields[1]);
  if (!Number.isInteger(responseCode)) return undefined;
  const entry: EnvoyAccessLogEntry = { startTime, responseCode };
  const set = <K extends keyof EnvoyAccessLogEntry>(key: K, value: string | undefined) => {
    if (value !== undefined && value !== "-" && value !== "") entry[key] = value as EnvoyAccessLogEntry[K];
  };
  set("prefix", prefix.trim());
  set("method", request[0]);
  set("path", request[1]);
  set("protocol", request[2]);
  set("responseFlags", fields[2]);
  set("authority", fields[13]);
  set("upstreamHost", fields[14]);
  set("upstreamCluster", fields[15]);
  set("downstreamLocalAddress", fields[17]);
  set("downstreamRemoteAddress", fields[18]);
  set("requestedServerName", fields[19]);
  set("routeName", fields[20]);
  return entry;
}

// Space-separated fields; a double-quoted field is one field without its quotes.
function splitFields(text: string): string[] {
  const fields: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) fields.push(match[1] ?? match[2] ?? "");
  return fields;
}
