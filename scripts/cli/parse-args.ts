import { parseArgs } from "node:util";
import { usageError } from "../../core/errors.js";

// The verbs of the command line; anything else is a lab id.
export const VERBS = ["list", "up", "down", "reset", "status", "doctor", "all", "report"] as const;
export type Verb = (typeof VERBS)[number];

export interface CliArgs {
  /** A verb, a lab id, or undefined (pick interactively). */
  target: string | undefined;
  /** The verb's own argument: `report <dir>`. */
  operand: string | undefined;
  help: boolean;
  dryRun: boolean;
  selfTest: boolean;
  fast: boolean;
  verbose: boolean;
  step: boolean;
  yes: boolean;
  recreate: boolean;
  hard: boolean;
  probe: "node" | "curl";
  report: string | undefined;
  context: string | undefined;
  only: string[];
  skip: string[];
  /** `all --shard K/N`: run only the K-th of N duration-balanced shards. */
  shard: string | undefined;
  /** `down --all`: remove the image cache (registry mirrors) too. */
  all: boolean;
  /** `up --no-mirror`: no registry mirrors (also ISTIO_LAB_NO_MIRROR=1). */
  noMirror: boolean;
  /** `list --json`: the labs as JSON, each with the evidence the test suites give it. */
  json: boolean;
  /** `--strict-pins`: refuse any download this repository does not pin (no first-use trust of a publisher's digest). */
  strictPins: boolean;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  "dry-run": { type: "boolean" },
  "self-test": { type: "boolean" },
  fast: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  step: { type: "boolean" },
  yes: { type: "boolean", short: "y" },
  recreate: { type: "boolean" },
  hard: { type: "boolean" },
  probe: { type: "string" },
  report: { type: "string" },
  context: { type: "string" },
  only: { type: "string", multiple: true },
  skip: { type: "string", multiple: true },
  shard: { type: "string" },
  all: { type: "boolean" },
  "no-mirror": { type: "boolean" },
  json: { type: "boolean" },
  "strict-pins": { type: "boolean" },
} as const;

function splitIds(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v !== "");
}

// Parses argv (after `npm run lab --`) into the command-line contract; bad input is a usage error.
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError((error as Error).message.split("\n")[0] ?? "Invalid arguments.", "Run `npm run lab -- --help` for the options.");
  }
  const { values, positionals } = parsed;
  const maxPositionals = positionals[0] === "report" ? 2 : 1;
  if (positionals.length > maxPositionals) {
    throw usageError(`Expected one lab id or verb, got: ${positionals.join(" ")}.`, "Run `npm run lab -- --help`.");
  }
  const probe = values.probe ?? "node";
  if (probe !== "node" && probe !== "curl") {
    throw usageError(`--probe must be 'node' or 'curl', not '${probe}'.`);
  }
  return {
    target: positionals[0],
    operand: positionals[1],
    help: values.help ?? false,
    dryRun: values["dry-run"] ?? false,
    selfTest: values["self-test"] ?? false,
    fast: values.fast ?? false,
    verbose: values.verbose ?? false,
    step: values.step ?? false,
    yes: values.yes ?? false,
    recreate: values.recreate ?? false,
    hard: values.hard ?? false,
    probe,
    report: values.report,
    context: values.context,
    only: splitIds(values.only),
    skip: splitIds(values.skip),
    shard: values.shard,
    all: values.all ?? false,
    noMirror: values["no-mirror"] ?? false,
    json: values.json ?? false,
    strictPins: values["strict-pins"] ?? false,
  };
}

// True when the target is a verb rather than a lab id.
export function isVerb(target: string): target is Verb {
  return (VERBS as readonly string[]).includes(target);
}
