const SAFE = /^[A-Za-z0-9_./:=@%+,-]+$/;

// Quotes one argument the way a person would type it in a POSIX shell.
export function quoteArg(arg: string): string {
  if (arg === "") return "''";
  if (SAFE.test(arg)) return arg;
  return "'" + arg.replaceAll("'", `'"'"'`) + "'";
}

// The command line a person would type for this file and arguments.
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteArg).join(" ");
}
