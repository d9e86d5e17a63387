import type { DoctorResult } from "./doctor-types.js";

/** Istio 1.17's istio-init uses iptables-legacy, which needs these on the host kernel. */
export const ISTIO_KERNEL_MODULES = ["br_netfilter", "nf_nat", "xt_REDIRECT", "xt_owner", "iptable_nat", "iptable_mangle", "iptable_filter"];

// Modules neither loaded (/proc/modules) nor built in (modules.builtin); names compare with - and _ alike.
export function missingKernelModules(procModules: string, builtin: string): string[] {
  const normalize = (name: string): string => name.replaceAll("-", "_").toLowerCase();
  const present = new Set<string>();
  for (const line of procModules.split("\n")) {
    const [name = ""] = line.trim().split(" ");
    if (name !== "") present.add(normalize(name));
  }
  for (const line of builtin.split("\n")) {
    const file = line.trim().split("/").pop();
    if (file) present.add(normalize(file.replace(/\.ko(\.\w+)?$/, "")));
  }
  return ISTIO_KERNEL_MODULES.filter((m) => !present.has(normalize(m)));
}

// The doctor line for those modules: only Linux hosts need them loaded (Docker Desktop's VM has them).
export function checkKernelModules(platform: NodeJS.Platform, procModules: string | undefined, builtin: string): DoctorResult {
  const name = "Kernel modules";
  if (platform !== "linux") return { name, status: "ok", detail: "not Linux: Docker's VM provides them" };
  if (procModules === undefined) return { name, status: "warn", detail: "cannot read /proc/modules", fix: `Make sure these are loaded: ${ISTIO_KERNEL_MODULES.join(" ")}.` };
  const missing = missingKernelModules(procModules, builtin);
  if (missing.length === 0) return { name, status: "ok", detail: "iptables modules for Istio 1.17 present" };
  return {
    name,
    status: "warn",
    detail: `not loaded: ${missing.join(", ")} (istio-init may fail: "iptables-restore: unable to initialize table 'nat'")`,
    fix: `As root: modprobe -a ${missing.join(" ")}`,
  };
}
