// `npm run mutate -- <file.ts>... [--tests a.test.ts,b.test.ts] [--line N]`: applies each mutant of each file, one at a
// time, in a scratch copy of the project, runs only the test files that judge that file, and prints which
// mutants the tests kill and which survive. Exit 1 when a mutant survives.

import { spawn, type ChildProcess } from "node:child_process";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { projectRoot } from "../../core/paths.js";
import { findMutants, type Mutant } from "./mutation/mutants.js";
import { relatedTests } from "./mutation/related-tests.js";
import { createScratchTree, type ScratchTree } from "./mutation/scratch-tree.js";

// A mutant that makes a loop endless is killed by the clock: ten times the clean run, at least 30 s.
const timeoutAfter = (cleanRunMs: number): number => Math.max(30_000, 10 * cleanRunMs);

interface Tally {
  file: string;
  killed: number;
  total: number;
  survivors: Mutant[];
}

// The vitest run in flight, stopped with this process (Ctrl-C, kill) so no mutant keeps running unseen.
let running: ChildProcess | undefined;
process.once("exit", () => running?.kill("SIGKILL"));

// Runs the test files in the scratch tree; true when they pass. One worker thread reused across files: the
// judging tests are pure, and this is about three times faster than a fresh process per file.
function testsPass(tree: ScratchTree, tests: string[], timeoutMs: number): Promise<boolean> {
  const vitest = join(tree.root, "node_modules", "vitest", "vitest.mjs");
  const child = spawn(process.execPath, [vitest, "run", "--bail=1", "--reporter=dot", "--pool=threads", "--no-isolate", ...tests], { cwd: tree.root, env: { ...process.env, CI: "true" }, stdio: "ignore" });
  running = child;
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

function describeMutant(mutant: Mutant): string {
  const shorten = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}...` : text).replace(/\s+/g, " ");
  return `${mutant.file}:${mutant.line} ${mutant.operator}: \`${shorten(mutant.original)}\` -> \`${shorten(mutant.replacement)}\``;
}

interface MutateArgs {
  files: string[];
  tests: string[] | undefined;
  /** Only the mutants on this line (to re-check survivors after a new test). */
  line: number | undefined;
}

async function mutateFile(tree: ScratchTree, program: ts.Program, file: string, args: MutateArgs): Promise<Tally> {
  const tests = args.tests ?? relatedTests(tree.root, file);
  if (tests.length === 0) throw new Error(`no test file imports ${file} (pass --tests)`);
  console.log(`\n${file}: tests ${tests.join(", ")}`);
  const started = Date.now();
  if (!(await testsPass(tree, tests, 10 * 60_000))) throw new Error(`the tests of ${file} fail without any mutant: fix them first`);
  const timeoutMs = timeoutAfter(Date.now() - started);
  const mutants = findMutants(join(tree.root, file), program)
    .map((mutant) => ({ ...mutant, file }))
    .filter((mutant) => args.line === undefined || mutant.line === args.line);
  const tally: Tally = { file, killed: 0, total: mutants.length, survivors: [] };
  for (const mutant of mutants) {
    const killed = await tree.withMutant(mutant, async () => !(await testsPass(tree, tests, timeoutMs)));
    console.log(`  ${killed ? "killed  " : "SURVIVED"} ${describeMutant(mutant)}`);
    if (killed) tally.killed += 1;
    else tally.survivors.push(mutant);
  }
  return tally;
}

function parseArgs(argv: string[]): MutateArgs {
  const valueOf = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const values = new Set(["--tests", "--line"].map((flag) => argv.indexOf(flag) + 1).filter((index) => index > 0));
  const files = argv.filter((arg, index) => !arg.startsWith("--") && !values.has(index));
  if (files.length === 0) throw new Error("usage: npm run mutate -- <source.ts>... [--tests a.test.ts,b.test.ts] [--line N]");
  const line = valueOf("--line");
  return { files: files.map((file) => relative(projectRoot(), resolve(file))), tests: valueOf("--tests")?.split(",").filter((test) => test !== ""), line: line === undefined ? undefined : Number(line) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { files } = args;
  const tree = createScratchTree(projectRoot());
  try {
    const program = ts.createProgram(files.map((file) => join(tree.root, file)), { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2023, noEmit: true });
    const tallies: Tally[] = [];
    for (const file of files) tallies.push(await mutateFile(tree, program, file, args));
    console.log("\nfile                                         killed/total");
    for (const tally of tallies) console.log(`${tally.file.padEnd(45)} ${tally.killed}/${tally.total}`);
    const survivors = tallies.flatMap((tally) => tally.survivors);
    if (survivors.length > 0) console.log(`\nsurvivors:\n${survivors.map((mutant) => `  ${describeMutant(mutant)}`).join("\n")}`);
    process.exitCode = survivors.length > 0 ? 1 : 0;
  } finally {
    tree.remove();
  }
}

await main();
