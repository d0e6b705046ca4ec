import { existsSync } from 'node:fs';

// The same browser and flags as the functional e2e suite (e2e/support/browser.ts), restated here because
// these runners are compiled to plain Node and must not import a Playwright config module.

/** Flags for a quiet, deterministic headless Chromium as root in CI. */
export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `CHROME_PATH`, else the system Chromium; throws with the fix when there is none. */
export function resolveChromePath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('No Chromium found: install it (Debian: `apt-get install -y chromium`) or set CHROME_PATH');
}
