import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Flags that keep Chromium quiet and fast in CI: no sandbox (root), no GPU, no calls home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Which Chromium to drive: `CHROME_PATH` when set, else the system's `/usr/bin/chromium`, else
 * Playwright's own download (`npx playwright install chromium`), so every kind of machine just works.
 */
export function resolveChromiumPath(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = resolveChromiumPath();
  return { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) };
}
