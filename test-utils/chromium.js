// Which Chromium the tests, audits and benchmarks drive, and with which flags: declared once here (types and
// docs in chromium.d.ts). Plain JavaScript so that Playwright specs, Vitest, the compiled audits and .mjs
// scripts run by Node 20 can all import it as it is.
import { existsSync } from 'node:fs';

export const chromiumFlags = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

// Chromium's new headless mode, the only one the full browser has had since Chrome 132
// (https://developer.chrome.com/blog/removing-headless-old-from-chrome). Playwright's `headless: true`
// passes `--headless`, which means the same on those builds; chrome-launcher passes none, so it gets this.
export const chromeLauncherFlags = Object.freeze(['--headless=new', ...chromiumFlags]);

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function resolveChromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

export function chromiumLaunchOptions() {
  const executablePath = resolveChromiumPath();
  // Without a path Playwright would pick its headless shell (the old headless mode); the `chromium` channel is
  // its full build, in the same new headless mode as a system Chromium.
  return { args: [...chromiumFlags], ...(executablePath ? { executablePath } : { channel: 'chromium' }) };
}
