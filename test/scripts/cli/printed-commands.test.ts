// Issue 8 (4): every command printed for a person names the cluster it targets, so pasting it into a shell never
// acts on whatever context that shell has current.
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli-world.js";

// The commands of a plan: "  $ ..." action lines, "   $ ..." platform lines and "see it: ..." lines.
function printedCommands(stdout: string): string[] {
  return stdout
    .split("\n")
    .map((line) => /^\s+\$ (.*)$/.exec(line)?.[1] ?? /^\s+see it: (.*)$/.exec(line)?.[1])
    .filter((command): command is string => command !== undefined);
}

function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

const TOOL_CALL = /(?:^|[;|&(]\s*|\bdo\s+)(?:\S*\/)?(?:kubectl|istioctl)\s/g;
const HELM_CALL = /(?:^|[;|&(]\s*)(?:\S*\/)?helm\s/g;

describe("printed commands carry the context", () => {
  it("every kubectl/istioctl/helm command of every lab plan and platform plan names --context kind-foo", async () => {
    const env = { CI: "true" };
    const runs = await Promise.all([
      runCli(["all", "--dry-run", "--context", "kind-foo"], env),
      runCli(["up", "--dry-run", "--context", "kind-foo"], env),
      runCli(["reset", "--dry-run", "--hard", "--context", "kind-foo"], env),
      runCli(["down", "--dry-run", "--context", "kind-foo"], env),
    ]);
    const commands = runs.flatMap((run) => {
      expect(run.status).toBe(0);
      return printedCommands(run.stdout);
    });
    let toolCalls = 0;
    for (const command of commands) {
      const calls = count(command, TOOL_CALL);
      toolCalls += calls;
      expect(count(command, /--context kind-foo\b/g), command).toBeGreaterThanOrEqual(calls);
      expect(count(command, /--kube-context kind-foo\b/g), command).toBeGreaterThanOrEqual(count(command, HELM_CALL));
      if (/^kind (create|delete) cluster/.test(command)) expect(command).toContain("--name foo");
      expect(command, command).not.toContain("myk8s");
    }
    expect(toolCalls).toBeGreaterThan(150);
  });

  it("outside text is shown with its terminal escapes neutralised", async () => {
    const run = await runCli(["x\u001b]0;pwned\u0007\u001b[2J"], { CI: "true" });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toContain("x\\x1b]0;pwned\\x07\\x1b[2J");
  });
});
