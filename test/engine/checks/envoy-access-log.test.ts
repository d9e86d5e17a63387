// parseEnvoyAccessLog at its edges: the fewest fields a line may have, fields Envoy prints as `-` or "",
// quoted fields with escaped quotes, and lines that only look like access-log lines.
import { describe, expect, it } from "vitest";
import { parseEnvoyAccessLog } from "../../../engine/checks/envoy-access-log.js";

const TIME = "[2025-04-18T13:27:58.237Z]";
// The sixteen fields up to UPSTREAM_CLUSTER, then the optional ones.
const SIXTEEN = '"GET /items HTTP/1.1" 200 - via_upstream - "-" 0 502 2 2 "172.18.0.1" "beegoServer" "id-1" "catalog.istioinaction:80" "10.10.0.16:3000" outbound|80||catalog';

describe("parseEnvoyAccessLog edges", () => {
  it("reads a line with exactly the sixteen fields up to the upstream cluster, and refuses one with fifteen", () => {
    const entry = parseEnvoyAccessLog(`${TIME} ${SIXTEEN}`);
    expect(entry).toMatchObject({ startTime: "2025-04-18T13:27:58.237Z", method: "GET", path: "/items", protocol: "HTTP/1.1", responseCode: 200 });
    expect(entry).toMatchObject({ authority: "catalog.istioinaction:80", upstreamHost: "10.10.0.16:3000", upstreamCluster: "outbound|80||catalog" });
    expect(Object.keys(entry ?? {}).sort()).toEqual(["authority", "method", "path", "protocol", "responseCode", "startTime", "upstreamCluster", "upstreamHost"]);
    expect(parseEnvoyAccessLog(`${TIME} ${SIXTEEN.replace(/ outbound\|80\|\|catalog$/, "")}`)).toBeUndefined();
  });

  it("leaves out fields printed as - or as an empty quoted string", () => {
    const entry = parseEnvoyAccessLog(`${TIME} ${SIXTEEN.replace('"catalog.istioinaction:80" "10.10.0.16:3000"', '"" "-"')} - 10.0.0.1:80 10.0.0.2:1 - -`);
    expect(entry).not.toHaveProperty("authority");
    expect(entry).not.toHaveProperty("upstreamHost");
    expect(entry).not.toHaveProperty("requestedServerName");
    expect(entry).not.toHaveProperty("routeName");
    expect(entry).not.toHaveProperty("responseFlags");
    expect(entry).toMatchObject({ downstreamLocalAddress: "10.0.0.1:80", downstreamRemoteAddress: "10.0.0.2:1" });
  });

  it("keeps a quoted field with escaped quotes as one field", () => {
    const entry = parseEnvoyAccessLog(`${TIME} ${SIXTEEN.replace('"beegoServer"', '"agent \\"x\\" 1"')}`);
    expect(entry).toMatchObject({ authority: "catalog.istioinaction:80", upstreamCluster: "outbound|80||catalog" });
  });

  it("reads SNI and route name, and a non-empty response flag", () => {
    const entry = parseEnvoyAccessLog(`  ${TIME} ${SIXTEEN.replace(" - via_upstream", " UH via_upstream")} 10.0.0.3:1 10.0.0.1:80 10.0.0.2:1 outbound_.80_._.catalog default  `);
    expect(entry).toMatchObject({ responseFlags: "UH", requestedServerName: "outbound_.80_._.catalog", routeName: "default" });
    expect(entry).not.toHaveProperty("prefix");
  });

  it("refuses a code that is not a whole number, and a bracket that is not a timestamp", () => {
    expect(parseEnvoyAccessLog(`${TIME} ${SIXTEEN.replace(" 200 ", " 2x0 ")}`)).toBeUndefined();
    expect(parseEnvoyAccessLog(`${TIME} ${SIXTEEN.replace(" 200 ", " 200.5 ")}`)).toBeUndefined();
    expect(parseEnvoyAccessLog(`[info] ${SIXTEEN}`)).toBeUndefined();
    expect(parseEnvoyAccessLog(`[2025-04-18 13:27:58] ${SIXTEEN}`)).toBeUndefined();
  });
});
