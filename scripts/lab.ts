#!/usr/bin/env node
// Only the Node gate is imported statically: everything else loads after it has passed.
import { isSupportedNode, nodeGateMessage } from "../core/node-gate.js";
import { enableCompileCacheIn } from "../core/compile-cache.js";

if (isSupportedNode(process.versions.node)) {
  enableCompileCacheIn(process.env);
  const [{ main }, { processIo }] = await Promise.all([import("./cli/main.js"), import("./cli/io.js")]);
  process.exitCode = await main(process.argv.slice(2), processIo);
} else {
  process.stderr.write(nodeGateMessage(process.versions.node) + "\n");
  // Exit code 3: the environment is not ready (core/exit-codes.ts, not imported here on purpose).
  process.exitCode = 3;
}
