import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HOST_PORT_MAPPINGS, KIND_NODE_IMAGE, kindConfig, renderKindConfigYaml } from "../../cluster/kind/kind-config.js";
import { missingPortMappings, parsePortBindings } from "../../cluster/kind/port-bindings.js";

describe("kind config", () => {
  it("maps all eight host ports 30000-30007 one to one, each with a purpose", () => {
    const ports = kindConfig().nodes[0]!.extraPortMappings;
    expect(ports.map((p) => p.hostPort)).toEqual([30000, 30001, 30002, 30003, 30004, 30005, 30006, 30007]);
    expect(ports.every((p) => p.containerPort === p.hostPort && p.protocol === "TCP")).toBe(true);
    expect(new Set(HOST_PORT_MAPPINGS.map((m) => m.purpose)).size).toBe(8);
  });

  it("pins kindest/node v1.23.17 by the digest built for kind v0.22.0", () => {
    expect(KIND_NODE_IMAGE).toBe("kindest/node:v1.23.17@sha256:14d0a9a892b943866d7e6be119a06871291c517d279aedb816a4b4bc0ec0a5b3");
    expect(kindConfig().nodes[0]!.image).toBe(KIND_NODE_IMAGE);
  });

  it("sets the documented pod and service subnets", () => {
    expect(kindConfig().networking).toEqual({ podSubnet: "10.10.0.0/16", serviceSubnet: "10.200.1.0/24" });
  });

  it("renders YAML that parses back to exactly the typed config", () => {
    const yaml = renderKindConfigYaml();
    expect(parse(yaml)).toEqual(kindConfig());
    expect(yaml).toContain("# Kiali (20001)");
  });
});

describe("port bindings of a running node", () => {
  const inspect = (ports: number[]): string =>
    JSON.stringify(Object.fromEntries(ports.map((p) => [`${p}/tcp`, [{ HostIp: "0.0.0.0", HostPort: String(p) }]]).concat([["6443/tcp", [{ HostIp: "127.0.0.1", HostPort: "41234" }]]])));

  it("finds nothing missing on a cluster created from our config", () => {
    expect(missingPortMappings(parsePortBindings(inspect([30000, 30001, 30002, 30003, 30004, 30005, 30006, 30007])))).toEqual([]);
  });

  it("names the ports a cluster created with another config lacks", () => {
    expect(missingPortMappings(parsePortBindings(inspect([30000, 30001, 30002])))).toEqual([
      "30003 (Kiali (20001))",
      "30004 (Jaeger tracing UI (16686))",
      "30005 (ingress gateway HTTPS (443))",
      "30006 (ingress gateway TCP/TLS (31400))",
      "30007 (second gateway (my-user-gateway))",
    ]);
  });

  it("treats a port mapped to another host port as missing, and `null` bindings as none", () => {
    const shifted = JSON.stringify({ "30000/tcp": [{ HostPort: "8080" }] });
    expect(missingPortMappings(parsePortBindings(shifted))).toContain("30000 (ingress gateway HTTP (80))");
    expect(missingPortMappings(parsePortBindings("null"))).toHaveLength(8);
  });
});
