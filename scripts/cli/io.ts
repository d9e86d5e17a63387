// Where the CLI writes; tests pass their own to capture output.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

// The real terminal: stdout, stderr and the process environment.
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};
