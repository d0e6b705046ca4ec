import type { LaunchOptions } from '@playwright/test';

/**
 * Flags for a quiet Chromium in CI: no sandbox (CI runs as root), no GPU, no calls home (updates, sync,
 * QUIC probes). No headless flag: Playwright sets the mode itself, chrome-launcher users take
 * {@link chromeLauncherFlags}.
 */
export declare const chromiumFlags: readonly string[];

/** {@link chromiumFlags} plus `--headless=new`, for chrome-launcher (Lighthouse), which adds no headless flag. */
export declare const chromeLauncherFlags: readonly string[];

/**
 * Which Chromium to drive: `CHROME_PATH` when set (throws when it does not exist), else the system's
 * `/usr/bin/chromium`, else `undefined`, so that Playwright uses its own download (`npx playwright install chromium`).
 */
export declare function resolveChromiumPath(): string | undefined;

/**
 * Playwright launch options: {@link chromiumFlags} and the browser from {@link resolveChromiumPath}, or
 * Playwright's full `chromium` channel when there is none. Headless or headed stays Playwright's choice (`--headed`).
 */
export declare function chromiumLaunchOptions(): LaunchOptions;
