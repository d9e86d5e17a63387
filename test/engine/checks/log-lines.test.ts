import { describe, expect, it } from "vitest";
import { parseCatalogRequestLog } from "./catalog-log.js";
import { filterLinesSince, lineTimestamp, parseEnvoyAccessLog } from "../../../engine/checks/log-lines.js";
import { readSeedText } from "./seed-fixtures.js";

const blackholeLine = readSeedText("webapp-proxy-blackhole.log").trim();
const accessLines = readSeedText("webapp-proxy-access.log").trim().split("\n");
const sternLines = readSeedText("webapp-proxy-stern.log").trim().split("\n");

describe("parseEnvoyAccessLog", () => {
  it("reads the BlackHoleCluster line of a blocked TCP connection", () => {
    expect(parseEnvoyAccessLog(blackholeLine)).toEqual({
      startTime: "2025-04-19T09:55:34.851Z",
      responseCode: 0,
      responseFlags: "UH",
      upstreamCluster: "BlackHoleCluster",
      downstreamLocalAddress: "185.199.109.133:443",
      downstreamRemoteAddress: "10.10.0.19:34868",
    });
  });

  it("reads an HTTP request from webapp to catalog", () => {
    expect(parseEnvoyAccessLog(accessLines[1] ?? "")).toEqual({
      startTime: "2025-04-18T13:27:58.237Z",
      method: "GET",
      path: "/items",
      protocol: "HTTP/1.1",
      responseCode: 200,
      authority: "catalog.istioinaction:80",
      upstreamHost: "10.10.0.16:3000",
      upstreamCluster: "outbound|80||catalog.istioinaction.svc.cluster.local",
      downstreamLocalAddress: "10.200.1.254:80",
      downstreamRemoteAddress: "172.18.0.1:0",
      routeName: "default",
    });
    expect(parseEnvoyAccessLog(accessLines[0] ?? "")).toMatchObject({ method: "HEAD", path: "/api/catalog", authority: "webapp.istioinaction.io:30000", upstreamCluster: "inbound|8080||" });
  });

  it("keeps stern's pod prefix", () => {
    expect(parseEnvoyAccessLog(sternLines[0] ?? "")).toMatchObject({ prefix: "webapp-7685bcb84-h5knf istio-proxy", startTime: "2025-04-14T09:30:47.764Z", responseCode: 200 });
  });

  it("is undefined for other lines", () => {
    expect(parseEnvoyAccessLog("GET catalog.istioinaction-shadow:80 /items 200 698 - 0.503 ms")).toBeUndefined();
    expect(parseEnvoyAccessLog("[2025-04-19T09:55:34.851Z] too short")).toBeUndefined();
  });
});

describe("parseCatalogRequestLog", () => {
  it("reads the mirrored requests catalog v2 logged", () => {
    const lines = readSeedText("catalog-v2-shadow.log").split("\n");
    const requests = lines.map(parseCatalogRequestLog).filter((request) => request !== undefined);
    expect(requests).toEqual([{ method: "GET", host: "catalog.istioinaction-shadow:80", path: "/items", status: 200, mirrored: true }]);
    expect(parseCatalogRequestLog("GET catalog.istioinaction-shadow:80 /items 200 698 - 1.408 ms")?.mirrored).toBe(true);
  });

  it("sees catalog v1's requests as not mirrored", () => {
    const requests = readSeedText("catalog-v1.log").split("\n").map(parseCatalogRequestLog).filter((request) => request !== undefined);
    expect(requests).toEqual([{ method: "GET", host: "catalog.istioinaction:80", path: "/items", status: 200, mirrored: false }]);
  });
});

describe("filterLinesSince", () => {
  it("keeps Envoy lines at or after the moment", () => {
    const text = readSeedText("webapp-proxy-access.log");
    expect(filterLinesSince(text, new Date("2025-04-18T13:27:58.000Z"))).toEqual([accessLines[1]]);
    expect(filterLinesSince(text, new Date("2025-04-18T13:27:57.178Z"))).toEqual(accessLines);
    expect(filterLinesSince(text, new Date("2025-04-19T00:00:00Z"))).toEqual([]);
  });

  it("reads timestamps after stern's prefix and from kubectl --timestamps", () => {
    expect(filterLinesSince(readSeedText("webapp-proxy-stern.log"), new Date("2025-04-14T09:30:48Z"))).toEqual([sternLines[1]]);
    expect(lineTimestamp("2025-04-19T09:55:34.851234567Z GET catalog.istioinaction:80 /items 200")?.toISOString()).toBe("2025-04-19T09:55:34.851Z");
  });

  it("keeps every line of a log without timestamps (catalog)", () => {
    const text = readSeedText("catalog-v2-shadow.log");
    expect(filterLinesSince(text, new Date("2030-01-01T00:00:00Z"))).toHaveLength(5);
  });

  it("gives untimestamped lines the time of the line above", () => {
    const text = ["old continuation", "[2025-04-19T09:00:00.000Z] old", "  detail of old", "[2025-04-19T10:00:00.000Z] new", "  detail of new"].join("\n");
    expect(filterLinesSince(text, new Date("2025-04-19T09:30:00Z"))).toEqual(["[2025-04-19T10:00:00.000Z] new", "  detail of new"]);
  });
});
