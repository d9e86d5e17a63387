import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkKernelModules, missingKernelModules } from "../../cluster/doctor/check-kernel-modules.js";
import { checkKindNetwork } from "../../cluster/doctor/check-kind-network.js";
import { checkNodeVersion } from "../../cluster/doctor/check-host.js";
import { checkPorts, isPortFree } from "../../cluster/doctor/check-ports.js";
import { checkDocker } from "../../cluster/doctor/check-docker.js";
import { checkDockerHub } from "../../cluster/doctor/check-docker-hub.js";
import { checkImageArchitectures } from "../../cluster/doctor/check-architecture.js";
import { formatDoctor } from "../../cluster/doctor/run-doctor.js";
import type { Exec } from "../../core/exec.js";
import { spawnFailure } from "../../core/exec.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function listenOn(host: string): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    servers.push(server);
    server.listen(0, host, () => resolve((server.address() as { port: number }).port));
  });
}

describe("doctor: ports", () => {
  it("sees a port held by a real listener as busy and a closed one as free", async () => {
    const port = await listenOn("0.0.0.0");
    expect(await isPortFree(port)).toBe(false);
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(await isPortFree(port)).toBe(true);
  });

  it("fails naming the busy port's purpose, unless our cluster holds it", async () => {
    const busy = async (port: number): Promise<boolean> => port !== 30003;
    const failed = await checkPorts(new Set(), busy);
    expect(failed.status).toBe("fail");
    expect(failed.detail).toContain("30003 (Kiali (20001))");
    expect(failed.fix).toContain("lsof -i :30003");
    expect((await checkPorts(new Set([30003]), busy)).status).toBe("ok");
  });
});

describe("doctor: docker", () => {
  const answering = (exitCode: number, stdout: string, stderr = ""): Exec => async (file, args) => ({ command: [file, ...args].join(" "), exitCode, stdout, stderr });

  it("reports the server version when the engine answers", async () => {
    const { result, serverVersion } = await checkDocker(answering(0, "27.3.1\n"));
    expect(result.status).toBe("ok");
    expect(serverVersion).toBe("27.3.1");
  });

  it("fails with a next step when the engine does not answer", async () => {
    const { result } = await checkDocker(answering(1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"));
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("Cannot connect to the Docker daemon");
    expect(result.fix).toMatch(/Start Docker/);
  });

  it("fails naming the missing CLI", async () => {
    const missing: Exec = async (file, args) => {
      throw spawnFailure(file, [file, ...args].join(" "), Object.assign(new Error("spawn docker ENOENT"), { code: "ENOENT" }));
    };
    expect((await checkDocker(missing)).result.detail).toBe("the docker CLI is not installed");
  });
});

describe("doctor: host", () => {
  it("needs Node >= 22.19 (undici in client-node needs it)", () => {
    expect(checkNodeVersion("20.20.2").status).toBe("fail");
    expect(checkNodeVersion("22.12.0").status).toBe("fail");
    expect(checkNodeVersion("22.18.9").status).toBe("fail");
    expect(checkNodeVersion("22.19.0").status).toBe("ok");
    expect(checkNodeVersion("22.23.3").status).toBe("ok");
    expect(checkNodeVersion("24.1.0").status).toBe("ok");
  });

  it("finds kernel modules loaded or built in, and names the missing ones", () => {
    const proc = "br_netfilter 32768 0 - Live 0x0\nnf_nat 49152 3 - Live 0x0\nxt_REDIRECT 16384 0 - Live 0x0\n";
    const builtin = "kernel/net/netfilter/xt_owner.ko\nkernel/net/ipv4/netfilter/iptable_filter.ko\n";
    expect(missingKernelModules(proc, builtin)).toEqual(["iptable_nat", "iptable_mangle"]);
    const result = checkKernelModules("linux", proc, builtin);
    expect(result.status).toBe("warn");
    expect(result.fix).toBe("As root: modprobe -a iptable_nat iptable_mangle");
    expect(checkKernelModules("darwin", undefined, "").status).toBe("ok");
  });

  it("warns about kind v0.22's IPv6 network only on Docker >= 27 without a kind network", () => {
    expect(checkKindNetwork(26, false).status).toBe("ok");
    expect(checkKindNetwork(27, true).status).toBe("ok");
    expect(checkKindNetwork(28, false).fix).toContain("docker network create -d=bridge kind");
  });

  it("formats a summary that says what failed", () => {
    const text = formatDoctor([
      { name: "Docker engine", status: "fail", detail: "not reachable", fix: "Start Docker" },
      { name: "Node.js", status: "ok", detail: "v22.23.3" },
    ]);
    expect(text).toContain("✖ fail Docker engine");
    expect(text).toContain("fix: Start Docker");
    expect(text).toContain("1 check(s) failed");
  });
});

describe("doctor: Docker Hub pulls", () => {
  it("says whether pulls are anonymous or use the given credentials (never printing the token)", () => {
    expect(checkDockerHub({}, "")).toMatchObject({ status: "ok", detail: expect.stringContaining("anonymous") });
    const given = checkDockerHub({ ISTIO_LAB_DOCKERHUB_USERNAME: "learner", ISTIO_LAB_DOCKERHUB_TOKEN: "dckr_pat_secret" }, "");
    expect(given).toMatchObject({ status: "ok", detail: expect.stringContaining("as learner") });
    expect(JSON.stringify(given)).not.toContain("dckr_pat_secret");
  });

  it("warns with what to do when the docker.io mirror's log shows a 429 from Docker Hub", () => {
    const log = 'level=error msg="response completed with error" err.code=toomanyrequests err.message="You have reached your pull rate limit."';
    expect(checkDockerHub({}, log)).toMatchObject({ status: "warn", fix: expect.stringContaining("ISTIO_LAB_DOCKERHUB_USERNAME") });
    expect(checkDockerHub({}, 'level=info msg="response completed" http.response.status=200')).toMatchObject({ status: "ok" });
  });

  it("fails when only one of the two variables is set", () => {
    expect(checkDockerHub({ ISTIO_LAB_DOCKERHUB_TOKEN: "t" }, undefined).status).toBe("fail");
  });
});

describe("doctor: amd64-only images", () => {
  it("warns on arm64 with each amd64-only image and what runs it", () => {
    const result = checkImageArchitectures("arm64");
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("cjimti/go-echo:latest (tcp-echo (ch4-tcp, ch4-split-gateway))");
    expect(result.detail).toContain("nicholasjackson/fake-service:v0.14.1");
    expect(result.fix).toContain("tonistiigi/binfmt");
  });

  it("is ok on amd64", () => {
    expect(checkImageArchitectures("x64").status).toBe("ok");
  });
});
