// The process edge for proxy-config checks, answered from golden files: `istioctl proxy-config
// routes|cluster|listeners deploy/<name>.<namespace> [--name <route>|--fqdn <host>] -o json` prints what the
// istiod twin generated for that proxy, filtered the way istioctl filters (route name equals, FQDN contained).

import { existsSync, readFileSync } from "node:fs";
import type { Exec } from "../../../core/exec.js";
import { createFakeExec } from "../../fakes/fake-exec.js";
import { goldenFile, type ProxyResource } from "../golden-paths.js";

const RESOURCES: Record<string, ProxyResource> = { routes: "routes", route: "routes", cluster: "clusters", clusters: "clusters", listener: "listeners", listeners: "listeners" };

function flagValue(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

// What istioctl prints for these arguments in the state folder, or its error.
export function answerProxyConfig(stateDir: string, args: readonly string[]): { stdout?: string; stderr?: string; exitCode?: number } {
  const resource = RESOURCES[args[1] ?? ""];
  const target = /^deploy\/([^.]+)\.(.+)$/.exec(args[2] ?? "");
  if (args[0] !== "proxy-config" || resource === undefined || target === null) return { exitCode: 64, stderr: `Error: the golden edge only answers proxy-config, got: ${args.join(" ")}` };
  const [, deployment, namespace] = target;
  const file = goldenFile(stateDir, `${deployment}.${namespace}`, resource);
  if (!existsSync(file)) return { exitCode: 1, stderr: `Error: deployments.apps "${deployment}" not found in namespace ${namespace}` };
  const items = JSON.parse(readFileSync(file, "utf8")) as Array<{ name?: string }>;
  if (items.length === 0) return { exitCode: 1, stderr: `Error: no ${resource} found` };
  const name = flagValue(args, "--name");
  const fqdn = flagValue(args, "--fqdn");
  const kept = items.filter((item) => (name === undefined || item.name === name) && (fqdn === undefined || (item.name ?? "").includes(fqdn)));
  return { stdout: `${JSON.stringify(kept, null, 4)}\n` };
}

// An Exec that answers istioctl from the state folder and refuses anything else.
export function createGoldenExec(stateDir: string): { exec: Exec; commands: string[] } {
  return createFakeExec((file, args) => (file === "istioctl" ? answerProxyConfig(stateDir, args) : new Error(`unexpected process ${file}`)));
}
