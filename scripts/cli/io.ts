import { neutraliseEscapes } from "../../core/terminal-text.js";

// Where the CLI writes; tests pass their own to capture output.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

// The real terminal: stdout, stderr and the process environment. Every line may hold outside text (tool output,
// ids, API messages), so terminal escapes in it are shown, not obeyed.
export const processIo: CliIo = {
  out: (text) => process.stdout.write(neutraliseEscapes(text) + "\n"),
  err: (text) => process.stderr.write(neutraliseEscapes(text) + "\n"),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};
