import type { Page } from '@playwright/test';

/** Throttling of a vitals scenario. */
export interface SlowMobileOptions {
  /** CPU slowdown factor. @default 4 */
  cpuRate?: number;
  /** Network: Lighthouse's devtools-throttling "slow 4G" (RTT 150 ms x 3.75, 1.6 Mbps x 0.9). @default true */
  slow4g?: boolean;
}

// Request-level throttling (what CDP does) needs these adjusted figures to behave like packet-level slow 4G:
// the same factors Lighthouse uses for its devtools throttling mode.
const SLOW_4G = {
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};

/** Applies CPU and network throttling to one page through the DevTools protocol, before it navigates. */
export async function emulateSlowMobile(
  page: Page,
  { cpuRate = 4, slow4g = true }: SlowMobileOptions = {},
): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
  if (slow4g) {
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G });
  }
}
