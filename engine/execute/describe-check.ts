// What a check wants, in words, and the command a person can run to see it themselves
// (`--context` left out). Pure apart from the probe's own `equivalent`.

import { formatCommand } from "../../core/shell-quote.js";
import type { ToolPaths } from "../../cluster/tools/tool-paths.js";
import type { Check, HttpExpectation, TcpExpectation } from "../lab-types.js";
import type { Probe } from "../probes/probe-types.js";
import { describeMatcher } from "../checks/matchers.js";
import { describeProxyConfigAssertion } from "../checks/proxy-config.js";
import { describePlan } from "../checks/weighted-plan.js";
import { describeClusterCount } from "../checks/cluster-count.js";
import { proxyConfigArgs } from "../checks/proxy-config-command.js";
import { planOf } from "./checks/weighted-check.js";
import { kubectlJsonPath } from "./object-fields.js";

/** What describeCheck may name besides the check itself. */
export interface DescribeCheckOptions {
  /** For logs checks: `--since-time` of the command. */
  stepStartedAt?: Date;
  tools?: ToolPaths;
}

// "certificate issued by CA x; subjectAltName contains ..." pieces.
function certificateWords(certificate: HttpExpectation["certificate"]): string[] {
  if (certificate === undefined) return [];
  const words: string[] = [];
  if (certificate.subject !== undefined) words.push(`certificate subject ${describeMatcher(certificate.subject)}`);
  if (certificate.issuer !== undefined) words.push(`certificate issuer ${describeMatcher(certificate.issuer)}`);
  if (certificate.subjectAltName !== undefined) words.push(`certificate subjectAltName ${describeMatcher(certificate.subjectAltName)}`);
  if (certificate.issuedByCa !== undefined) words.push(`certificate issued by CA ${certificate.issuedByCa}`);
  return words;
}

// The expectation of an HTTP check in words.
export function describeHttpExpectation(expect: HttpExpectation, repeat?: number): string {
  if (expect.error !== undefined) return `the request fails with an error that ${describeMatcher(expect.error)}`;
  const words: string[] = [];
  if (expect.status !== undefined) words.push(`HTTP ${expect.status}`);
  for (const matcher of expect.body ?? []) words.push(`body ${describeMatcher(matcher)}`);
  for (const [name, matcher] of Object.entries(expect.headers ?? {})) words.push(`header ${name} ${describeMatcher(matcher)}`);
  words.push(...certificateWords(expect.certificate));
  const text = words.length === 0 ? "any HTTP response" : words.join(", ");
  return repeat !== undefined && repeat > 1 ? `one sample of ${repeat} responses, every one with ${text}` : text;
}

function describeTcpExpectation(expect: TcpExpectation): string {
  const words = [
    ...(expect.banner ?? []).map((matcher) => `banner ${describeMatcher(matcher)}`),
    ...(expect.echo ?? []).map((matcher) => `echo ${describeMatcher(matcher)}`),
    ...certificateWords(expect.certificate),
  ];
  return words.length === 0 ? "the connection succeeds" : words.join(", ");
}

// { expected, command } for the terminal, the JUnit report and --dry-run.
export function describeCheck(check: Check, probe: Probe, options: DescribeCheckOptions = {}): { expected: string; command: string } {
  const kubectl = options.tools?.kubectl ?? "kubectl";
  const istioctl = options.tools?.istioctl ?? "istioctl";
  switch (check.kind) {
    case "http":
      return { expected: describeHttpExpectation(check.expect, check.repeat), command: probe.equivalent(check.request, "http") };
    case "tcp":
      return { expected: describeTcpExpectation(check.expect), command: probe.equivalent(check.request, "tcp") };
    case "weighted":
      return { expected: describePlan(planOf(check), check.hitLabel), command: probe.equivalent(check.request, "http") };
    case "proxy-config": {
      const expected = check.assert.kind === "cluster-count" ? describeClusterCount(check.assert) : describeProxyConfigAssertion(check.assert);
      return { expected, command: formatCommand(istioctl, proxyConfigArgs(check)) };
    }
    case "logs": {
      const since = options.stepStartedAt === undefined ? "<step start>" : options.stepStartedAt.toISOString();
      const { namespace, deployment } = check.workload;
      return {
        expected: `the ${check.container} log of ${deployment} since the step started ${check.expect.map(describeMatcher).join(" and ")}`,
        command: formatCommand(kubectl, ["logs", "-n", namespace, `deploy/${deployment}`, "-c", check.container, `--since-time=${since}`]),
      };
    }
    case "exec": {
      const { namespace, deployment } = check.workload;
      return {
        expected: `stdout ${check.expect.map(describeMatcher).join(" and ")}`,
        command: formatCommand(kubectl, ["exec", "-n", namespace, `deploy/${deployment}`, "-c", check.container, "--", ...check.command]),
      };
    }
    case "object": {
      const { kind, name, namespace } = check.target;
      const args = ["get", kind.toLowerCase(), name, ...(namespace === undefined ? [] : ["-n", namespace])];
      if (check.expect === "absent") return { expected: `${kind}/${name} does not exist`, command: formatCommand(kubectl, [...args, "--ignore-not-found"]) };
      if (check.expect === "present") return { expected: `${kind}/${name} exists`, command: formatCommand(kubectl, args) };
      return {
        expected: `${kind}/${name} ${check.expect.path} ${describeMatcher(check.expect.matcher)}`,
        command: formatCommand(kubectl, [...args, "-o", `jsonpath=${kubectlJsonPath(check.expect.path)}`]),
      };
    }
    case "istioctl": {
      const exits = check.exitCodes === undefined ? "" : ` (exit ${check.exitCodes.join(" or ")})`;
      return { expected: `output${exits} ${check.expect.map(describeMatcher).join(" and ")}`, command: formatCommand(istioctl, check.args) };
    }
    case "sequence": {
      const { kind, name, namespace } = check.target;
      const failOn = check.failOn === undefined || check.failOn.length === 0 ? "" : `, never ${check.failOn.join(" or ")}`;
      return {
        expected: `${kind}/${name} goes through ${check.expected.join(" -> ")}${failOn}`,
        command: formatCommand(kubectl, ["get", kind.toLowerCase(), name, ...(namespace === undefined ? [] : ["-n", namespace]), "-w"]),
      };
    }
  }
}
