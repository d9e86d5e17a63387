// The istioctl arguments of a proxy-config check: `proxy-config routes deploy/webapp.istioinaction --name 80 -o json`.

import type { ProxyConfigCheck } from "../lab-types.js";

// `deploy/<name>.<namespace>` for a workload or a gateway Deployment.
export function proxyTarget(workload: ProxyConfigCheck["workload"]): string {
  const name = "deployment" in workload ? workload.deployment : workload.gateway;
  return `deploy/${name}.${workload.namespace}`;
}

// The arguments without --context (the describe form); the check appends the lab context.
export function proxyConfigArgs(check: ProxyConfigCheck): string[] {
  const filter = check.name === undefined ? [] : [check.resource === "routes" ? "--name" : "--fqdn", check.name];
  return ["proxy-config", check.resource, proxyTarget(check.workload), ...filter, "-o", "json"];
}
