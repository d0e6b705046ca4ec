import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './repoRoot.js';

/** The part of test-utils/chromium.js (documented in its chromium.d.ts) that the audits use. */
interface SharedChromium {
  chromeLauncherFlags: readonly string[];
  resolveChromiumPath(): string | undefined;
}

// The browser and flags of every test are declared once, in test-utils/chromium.js. These runners also run
// compiled from audits/dist/, one folder deeper than this source, where a relative import would miss it; the
// repository root (a created app's root) is the same from both.
const shared = (await import(pathToFileURL(join(repoRoot(), 'test-utils/chromium.js')).href)) as SharedChromium;

/** Flags for a quiet, deterministic Chromium in CI, in new headless mode (chrome-launcher adds none). */
export const chromiumFlags: string[] = [...shared.chromeLauncherFlags];

/** `CHROME_PATH`, else the system Chromium; throws with the fix when there is none. */
export function resolveChromePath(): string {
  const path = shared.resolveChromiumPath();
  if (!path)
    throw new Error('No Chromium found: install it (Debian: `apt-get install -y chromium`) or set CHROME_PATH');
  return path;
}
