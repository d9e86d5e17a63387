#!/usr/bin/env node
// The Node gate of the npm scripts (`npm test` and the other suites), in plain JavaScript so it runs before the
// build and on any Node: the minimum is package.json's `engines.node`, the same one core/node-gate.ts states.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// "22.19" from ">=22.19.0".
export function minimumOf(engines) {
  const match = /^>=\s*(\d+)\.(\d+)/.exec(engines ?? "");
  if (match === null) throw new Error(`package.json engines.node is not of the form ">=MAJOR.MINOR.PATCH": ${engines}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

// undefined when `version` ("20.20.2", no "v") meets the minimum, else the refusal to print.
export function refusal(version, minimum) {
  const [major = 0, minor = 0] = version.split(".").map((part) => Number.parseInt(part, 10));
  if (major > minimum.major || (major === minimum.major && minor >= minimum.minor)) return undefined;
  return [
    `✖ istio-lab needs Node >= ${minimum.major}.${minimum.minor} (found v${version}); the tests were not started.`,
    `  → Install Node ${minimum.major} LTS (https://nodejs.org, or \`nvm install ${minimum.major}\`), or without root:`,
    `    npm install --prefix ~/.cache/istio-lab-node node@${minimum.major} && export PATH=~/.cache/istio-lab-node/node_modules/.bin:$PATH`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  const message = refusal(process.versions.node, minimumOf(pkg.engines?.node));
  if (message !== undefined) {
    process.stderr.write(message + "\n");
    // Exit code 3: the environment is not ready (core/exit-codes.ts).
    process.exitCode = 3;
  }
}
