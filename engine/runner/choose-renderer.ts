// How the run is drawn: live progress on a terminal, plain lines in CI, pipes and --verbose.

/** listr2's renderers we use; `test` emits one JSON line per task event, `silent` nothing. */
export type RendererName = "default" | "simple" | "test" | "silent";

// Live progress only on an interactive terminal outside CI; --verbose needs every line kept, so plain.
export function chooseRenderer(env: Readonly<Record<string, string | undefined>>, isTTY: boolean, verbose: boolean): RendererName {
  const ci = env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false" && env["CI"] !== "0";
  if (verbose || !isTTY || ci) return "simple";
  return "default";
}
