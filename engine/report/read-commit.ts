import { readFile, stat } from "node:fs/promises";
import { isAbsolute, join } from "node:path";

/** Environment variables CI systems put the commit in, in the order they are trusted. */
const COMMIT_VARIABLES = ["GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT"];
const SHA = /^[0-9a-f]{40}$/;

// The commit of the run: from CI's environment, else from the checkout's .git files; undefined when unknown.
export async function readCommit(env: Readonly<Record<string, string | undefined>>, root: string): Promise<string | undefined> {
  for (const name of COMMIT_VARIABLES) {
    const value = env[name]?.trim();
    if (value !== undefined && SHA.test(value)) return value;
  }
  try {
    return await readGitHead(root);
  } catch {
    return undefined;
  }
}

// HEAD resolved by reading files (no git process): a worktree's .git file, loose refs, then packed-refs.
async function readGitHead(root: string): Promise<string | undefined> {
  const gitPath = join(root, ".git");
  const gitDir = (await stat(gitPath)).isDirectory() ? gitPath : resolveFrom(root, (await readFile(gitPath, "utf8")).replace(/^gitdir:\s*/, "").trim());
  const head = (await readFile(join(gitDir, "HEAD"), "utf8")).trim();
  if (SHA.test(head)) return head;
  const ref = head.replace(/^ref:\s*/, "");
  const commonDir = await readFile(join(gitDir, "commondir"), "utf8").then((text) => resolveFrom(gitDir, text.trim()), () => gitDir);
  for (const dir of [gitDir, commonDir]) {
    const loose = await readFile(join(dir, ref), "utf8").then((text) => text.trim(), () => "");
    if (SHA.test(loose)) return loose;
  }
  const packed = await readFile(join(commonDir, "packed-refs"), "utf8").catch(() => "");
  const line = packed.split("\n").find((entry) => entry.endsWith(` ${ref}`));
  const sha = line?.split(" ")[0];
  return sha !== undefined && SHA.test(sha) ? sha : undefined;
}

function resolveFrom(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}
