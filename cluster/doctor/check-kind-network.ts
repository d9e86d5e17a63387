import type { DoctorResult } from "./doctor-types.js";

// kind v0.22 asks Docker >= 27 for an IPv6 network, which fails on hosts without ip6tables NAT.
export function checkKindNetwork(dockerMajor: number | undefined, kindNetworkExists: boolean): DoctorResult {
  const name = "kind network (Docker 27+ IPv6)";
  if (dockerMajor === undefined) return { name, status: "warn", detail: "Docker not reachable, not checked" };
  if (dockerMajor < 27) return { name, status: "ok", detail: `Docker ${dockerMajor}: not affected` };
  if (kindNetworkExists) return { name, status: "ok", detail: "network 'kind' exists; kind v0.22 reuses it" };
  return {
    name,
    status: "warn",
    detail: `Docker ${dockerMajor} with kind v0.22 may fail to create its IPv6 network`,
    fix: "`npm run lab up` pre-creates it; by hand: docker network create -d=bridge kind",
  };
}
