import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

/** Debian's package; CHROMIUM_PATH overrides it. Playwright never downloads a browser here. */
const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** Whether the browser tests can run, and whether they must (CI). */
export interface ChromiumGate {
  executablePath: string | undefined;
  /** Why the browser tests skip (or, under CI, fail). */
  reason: string | undefined;
  required: boolean;
}

// Chromium from the system (Debian's `chromium`), or why the browser tests cannot run here.
export function chromiumGate(env: NodeJS.ProcessEnv): ChromiumGate {
  const path = env["CHROMIUM_PATH"] || DEFAULT_CHROMIUM;
  const ci = env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false" && env["CI"] !== "0";
  if (existsSync(path)) return { executablePath: path, reason: undefined, required: ci };
  const reason = `browser tests skipped: no Chromium at ${path} (install Debian's \`chromium\`: run .ci/setup-chromium.sh as root, or set CHROMIUM_PATH)`;
  return { executablePath: undefined, reason, required: ci };
}

/** A headless Chromium with a fresh profile, offline; close() removes the profile. */
export interface OfflineBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchOfflineChromium(executablePath: string): Promise<OfflineBrowser> {
  const { chromium } = await import("playwright-core");
  const profile = await mkdtemp(join(tmpdir(), "istio-lab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS, offline: true, viewport: { width: 1100, height: 900 } });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
