import { availableParallelism, loadavg } from 'node:os';

/**
 * A warning to print next to failed timing gates when the machine is saturated (1-minute load average above its
 * core count): every throttled timing is then inflated, and the figures say more about the machine than the app.
 * Returns '' on a machine with room to spare.
 */
export function machineLoadWarning(): string {
  const cores = availableParallelism();
  const load = loadavg()[0] ?? 0;
  if (load <= cores) return '';
  return `Note: load average ${load.toFixed(1)} on ${cores} core(s) while measuring: timings are inflated on a saturated machine; re-run on an idle one before trusting a timing failure.`;
}
