// The command a person would type for an action (`--context kind-myk8s` left out, `-n <ns>` kept),
// for --dry-run, the step view and the docs. Pure: nothing here touches the cluster or the disk.

import { join } from "node:path";
import { formatCommand, quoteArg } from "../../core/shell-quote.js";
import type { ObjectRef } from "../../core/kube.js";
import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import type { Action, HttpRequestSpec, WorkloadRef } from "../lab-types.js";
import { caPaths, leafPaths } from "../certs/cert-paths.js";
import { equivalentHttp } from "../probes/probe-equivalent.js";
import { PROJECT_ROOT_TOKEN } from "./actions/docker-action.js";
import { operatorFileName } from "./operator-file.js";

export { describeCheck } from "./describe-check.js";

/** Where the files an action uses live, when known (else placeholders are printed). */
export interface DescribePaths {
  /** The run's folder, where the IstioOperator is rendered. */
  workDir?: string;
  /** The certificate store's folder. */
  certDir?: string;
}

// `<kind> <name> -n <ns>` as kubectl takes an object.
export function objectArgs(ref: ObjectRef): string[] {
  return [ref.kind.toLowerCase(), ref.name, ...(ref.namespace === undefined ? [] : ["-n", ref.namespace])];
}

// `kubectl exec -n <ns> deploy/<name> -c <container> -- <command>`.
export function kubectlExecLine(kubectl: string, workload: WorkloadRef, container: string, command: readonly string[]): string {
  return formatCommand(kubectl, ["exec", "-n", workload.namespace, `deploy/${workload.deployment}`, "-c", container, "--", ...command]);
}

// The book's background load: `while true; do curl ...; sleep 1; done`.
export function trafficLoopLine(request: HttpRequestSpec, intervalMs: number, certDir: string): string {
  return `while true; do ${equivalentHttp(request, "127.0.0.1", certDir)}; sleep ${Number((intervalMs / 1000).toFixed(3))}; done`;
}

// The command line a person would type for `action`.
export function describeAction(action: Action, tools?: ToolPaths, paths: DescribePaths = {}): string {
  const kubectl = tools?.kubectl ?? "kubectl";
  const istioctl = tools?.istioctl ?? "istioctl";
  const certDir = paths.certDir ?? "<certs>";
  switch (action.kind) {
    case "apply":
      return formatCommand(kubectl, ["apply", ...(action.namespace === undefined ? [] : ["-n", action.namespace]), "-f", action.file]);
    case "delete":
      if (action.target !== undefined) return formatCommand(kubectl, ["delete", ...objectArgs(action.target), "--ignore-not-found"]);
      return formatCommand(kubectl, ["delete", "-f", action.file ?? "<file>", "--ignore-not-found"]);
    case "exec":
      return kubectlExecLine(kubectl, action.workload, action.container, action.command);
    case "rollout": {
      const { namespace, deployment } = action.workload;
      if (action.gone === true) return formatCommand(kubectl, ["wait", "--for=delete", "-n", namespace, `deploy/${deployment}`, "--timeout=180s"]);
      return formatCommand(kubectl, ["rollout", "status", "-n", namespace, `deploy/${deployment}`]);
    }
    case "mesh-config":
      return formatCommand(istioctl, ["install", "-y", "-f", join(paths.workDir ?? ".", operatorFileName(action.outboundTrafficPolicy, action))]);
    case "tls-secret": {
      const leaf = leafPaths(certDir, action.caName, action.commonName, "server");
      if (action.withCa !== true) {
        return formatCommand(kubectl, ["create", "secret", "tls", action.name, "-n", action.namespace, "--cert", leaf.certPath, "--key", leaf.keyPath]);
      }
      const ca = caPaths(certDir, action.caName).certPath;
      const files = [`--from-file=tls.crt=${leaf.certPath}`, `--from-file=tls.key=${leaf.keyPath}`, `--from-file=ca.crt=${ca}`];
      return formatCommand(kubectl, ["create", "secret", "generic", action.name, "-n", action.namespace, ...files]);
    }
    case "traffic":
      return action.mode === "start" ? trafficLoopLine(action.request, action.intervalMs, certDir) : `# stop the background loop '${action.id}' (Ctrl-C)`;
    case "istioctl":
      return formatCommand(istioctl, action.args);
    case "docker":
      return dockerLine(action.args, action.ignoreFailure === true);
  }
}

// `docker <args>` as typed in the project root: an argument holding `{projectRoot}` prints double-quoted with
// "$PWD" in its place (the shell expands it); an ignored failure gets `|| true`.
export function dockerLine(args: readonly string[], ignoreFailure = false): string {
  const shown = args.map((arg) => (arg.includes(PROJECT_ROOT_TOKEN) ? `"${arg.replace(/["\\`$]/g, "\\$&").replaceAll(PROJECT_ROOT_TOKEN, "$PWD")}"` : quoteArg(arg)));
  const line = ["docker", ...shown].join(" ");
  return ignoreFailure ? `${line} || true` : line;
}
