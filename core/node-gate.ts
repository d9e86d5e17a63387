// The Node version the CLI needs, checked before anything that needs it is imported: client-node's HTTP client
// (undici) calls APIs that Node 22.19 added, and on older Node it fails mid-run with a TypeError. This file
// imports nothing, so it runs on any Node that can load an ES module.

export const MIN_NODE = { major: 22, minor: 19 } as const;

// True when `version` ("22.19.0", no "v") is at least MIN_NODE.
export function isSupportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  return major > MIN_NODE.major || (major === MIN_NODE.major && minor >= MIN_NODE.minor);
}

// The refusal for an older Node: what is needed, what was found, how to get it.
export function nodeGateMessage(version: string): string {
  const needed = `${MIN_NODE.major}.${MIN_NODE.minor}`;
  return [
    `✖ istio-lab needs Node >= ${needed} (found v${version}).`,
    `  → Install Node ${MIN_NODE.major} LTS (https://nodejs.org, or \`nvm install ${MIN_NODE.major}\`), or without root:`,
    `    npm install --prefix ~/.cache/istio-lab-node node@${MIN_NODE.major} && export PATH=~/.cache/istio-lab-node/node_modules/.bin:$PATH`,
  ].join("\n");
}
