import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkMirrors } from "../../cluster/doctor/check-mirrors.js";
import { renderKindConfigYaml } from "../../cluster/kind/kind-config.js";
import { readMirrorStates } from "../../cluster/mirror/mirror-state.js";
import { REGISTRY_IMAGE, REGISTRY_MIRRORS, containerdMirrorPatch, mirrorsEnabled, runMirrorArgs } from "../../cluster/mirror/registry-mirrors.js";
import type { Exec } from "../../core/exec.js";
import { planDown } from "../../platform/down.js";
import { kindConfigPath } from "../../platform/kind-cluster-step.js";
import { planDisplay, planUp } from "../../platform/plan-up.js";
import { registryMirrorStep, removeMirrorsStep } from "../../platform/registry-mirror-step.js";
import { runPlatformPlan } from "../../platform/run-platform-plan.js";
import { FakeKube } from "../fakes/fake-kube.js";
import { createFakeExec, type ExecHandler } from "../fakes/fake-exec.js";
import { healthyMachine } from "./baseline-cluster.js";
import { platformDeps, tempWorkDir } from "./platform-deps.js";

// docker answering `inspect` for the mirrors with the given lines (name, running, networks).
function dockerWithMirrors(lines: string[]): ExecHandler {
  return (file, args) => {
    const line = [file, ...args].join(" ");
    if (line.startsWith("docker inspect --format")) return lines.length === 0 ? { exitCode: 1, stderr: "Error: No such object" } : { stdout: lines.join("\n") + "\n", exitCode: lines.length === REGISTRY_MIRRORS.length ? 0 : 1 };
    if (file === "docker" && ["run", "start", "network", "rm", "volume"].includes(args[0] ?? "")) return { stdout: "" };
    return undefined;
  };
}

describe("the registry mirrors", () => {
  it("cover every registry the labs pull from, one pinned registry:2 each, and no other", () => {
    expect(REGISTRY_MIRRORS.map((m) => m.upstream)).toEqual(["docker.io", "quay.io", "ghcr.io"]);
    expect(REGISTRY_IMAGE).toMatch(/^registry:2\.8\.3@sha256:[0-9a-f]{64}$/);
    expect(new Set(REGISTRY_MIRRORS.map((m) => m.container)).size).toBe(3);
  });

  it("are wired into the node's containerd through containerdConfigPatches, each falling back to its registry", () => {
    const config = parse(renderKindConfigYaml({ containerdPatch: containerdMirrorPatch() })) as { containerdConfigPatches?: string[]; nodes: unknown[] };
    const [patch] = config.containerdConfigPatches ?? [];
    expect(patch).toContain('[plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]');
    expect(patch).toContain('endpoint = ["http://istio-lab-mirror-docker-io:5000", "https://registry-1.docker.io"]');
    expect(patch).toContain('endpoint = ["http://istio-lab-mirror-quay-io:5000", "https://quay.io"]');
    expect(config.nodes).toHaveLength(1);
    expect(parse(renderKindConfigYaml())).not.toHaveProperty("containerdConfigPatches");
  });

  it("`up` writes the kind config with the mirrors, and without them when opted out", async () => {
    for (const mirror of [true, false]) {
      const workDir = tempWorkDir();
      const fake = createFakeExec((file, args) => {
        const line = [file, ...args].join(" ");
        if (line === "kind get clusters") return { stdout: "" };
        if (line.startsWith("kind create cluster")) return { exitCode: 1, stderr: "stop here" };
        return healthyMachine()(file, args);
      });
      await runPlatformPlan(planUp({ workDir, mirror }), platformDeps(new FakeKube([]), fake.exec, workDir)).catch(() => undefined);
      expect(readFileSync(kindConfigPath(workDir), "utf8").includes("containerdConfigPatches"), `mirror ${mirror}`).toBe(mirror);
    }
  });

  it("starts what is missing: runs an absent mirror, starts a stopped one, connects one off the kind network", async () => {
    const [docker, quay, ghcr] = REGISTRY_MIRRORS.map((m) => m.container);
    const fake = createFakeExec(dockerWithMirrors([`/${quay} false kind,`, `/${ghcr} true bridge,`]));
    const deps = platformDeps(new FakeKube([]), fake.exec, tempWorkDir());
    expect(await registryMirrorStep().isDone(deps)).toBe(false);
    await registryMirrorStep().run(deps);
    const changes = fake.commands.filter((command) => !command.startsWith("docker inspect"));
    expect(changes).toEqual([
      expect.stringMatching(new RegExp(`^docker run -d --restart=always --name ${docker} --network kind -v ${docker}:/var/lib/registry -e REGISTRY_PROXY_REMOTEURL=https://registry-1.docker.io registry:2.8.3@sha256:`)),
      `docker start ${quay}`,
      `docker network connect kind ${ghcr}`,
    ]);
  });

  it("with Docker Hub credentials, the docker.io mirror gets them by name from the docker CLI's environment, never on the command line", async () => {
    const [docker, quay] = REGISTRY_MIRRORS.map((m) => m.container);
    const fake = createFakeExec(dockerWithMirrors([`/${quay} true kind,`, `/${REGISTRY_MIRRORS[2]?.container} true kind,`]));
    const envs: (Record<string, string> | undefined)[] = [];
    const exec: Exec = (file, args, options) => {
      if (args[0] === "run") envs.push(options?.env);
      return fake.exec(file, args, options);
    };
    const step = registryMirrorStep({ ISTIO_LAB_DOCKERHUB_USERNAME: "learner", ISTIO_LAB_DOCKERHUB_TOKEN: "dckr_pat_secret" });
    await step.run(platformDeps(new FakeKube([]), exec, tempWorkDir()));
    const run = fake.commands.find((command) => command.startsWith("docker run"));
    expect(run).toContain(`--name ${docker}`);
    expect(run).toContain("-e REGISTRY_PROXY_USERNAME -e REGISTRY_PROXY_PASSWORD registry:2.8.3@");
    expect([...fake.commands, step.command].join("\n")).not.toContain("dckr_pat_secret");
    expect(envs).toEqual([{ REGISTRY_PROXY_USERNAME: "learner", REGISTRY_PROXY_PASSWORD: "dckr_pat_secret" }]);
    expect(runMirrorArgs(REGISTRY_MIRRORS[1] ?? REGISTRY_MIRRORS[0]!, "kind", true)).not.toContain("REGISTRY_PROXY_USERNAME");
  });

  it("without credentials the mirrors pull anonymously; one variable without the other is refused with what to do", () => {
    expect(registryMirrorStep({}).command).not.toContain("REGISTRY_PROXY_USERNAME");
    expect(() => registryMirrorStep({ ISTIO_LAB_DOCKERHUB_USERNAME: "learner" })).toThrow(/Only one of ISTIO_LAB_DOCKERHUB_USERNAME and ISTIO_LAB_DOCKERHUB_TOKEN/);
  });

  it("after `down` (mirrors kept), a second `up` starts no mirror: the cache is reused", async () => {
    const running = REGISTRY_MIRRORS.map((m) => `/${m.container} true kind,`);
    const fake = createFakeExec(dockerWithMirrors(running));
    const deps = platformDeps(new FakeKube([]), fake.exec, tempWorkDir());
    expect(await registryMirrorStep().isDone(deps)).toBe(true);
    expect(planDown(planDisplay({})).map((step) => step.id)).toEqual(["delete-cluster"]);
    expect(planDown(planDisplay({}), { all: true }).map((step) => step.id)).toEqual(["delete-cluster", "remove-registry-mirrors"]);
  });

  it("`down --all` removes the containers and their volumes", async () => {
    const fake = createFakeExec(dockerWithMirrors([]));
    await removeMirrorsStep().run(platformDeps(new FakeKube([]), fake.exec, tempWorkDir()));
    const names = REGISTRY_MIRRORS.map((m) => m.container).join(" ");
    expect(fake.commands).toEqual([`docker rm -f ${names}`, `docker volume rm ${names}`]);
  });

  it("reads states for status and doctor; doctor warns until `up` starts them", async () => {
    const [docker] = REGISTRY_MIRRORS.map((m) => m.container);
    const states = await readMirrorStates(createFakeExec(dockerWithMirrors([`/${docker} true kind,`])).exec);
    expect(states.map((s) => [s.mirror.upstream, s.state, s.onKindNetwork])).toEqual([["docker.io", "running", true], ["quay.io", "absent", false], ["ghcr.io", "absent", false]]);
    expect(checkMirrors(states, true)).toMatchObject({ status: "warn", detail: "istio-lab-mirror-quay-io absent; istio-lab-mirror-ghcr-io absent" });
    expect(checkMirrors(states.map((s) => ({ ...s, state: "running" as const, onKindNetwork: true })), true).status).toBe("ok");
    expect(checkMirrors(undefined, false)).toMatchObject({ status: "ok", detail: expect.stringContaining("off") });
  });

  it("opt out with ISTIO_LAB_NO_MIRROR=1", () => {
    expect(mirrorsEnabled({})).toBe(true);
    expect(mirrorsEnabled({ ISTIO_LAB_NO_MIRROR: "1" })).toBe(false);
    expect(mirrorsEnabled({ ISTIO_LAB_NO_MIRROR: "0" })).toBe(true);
  });
});
