/**
 * The CPU slowdown that makes this host emulate the same phone as the host the limits were set on.
 *
 * Lighthouse simulates a phone by multiplying the main-thread work it observed by `cpuSlowdownMultiplier` (4 on
 * mobile). That emulates a fixed phone only on a host of fixed speed: on a host half as fast the same 4x emulates a
 * phone half as fast, and TBT doubles. Lighthouse measures the host's speed as `benchmarkIndex` in every run, and
 * its throttling docs advise adjusting the multiplier to it (PageSpeed Insights lowered its own for its slow
 * hosts). Here the multiplier scales with the index relative to the one recorded with the baseline:
 * `preset × current / recorded`, within [1, preset × 2] so a bad benchmark cannot make the emulation absurd.
 */
export function calibrateCpuSlowdown(currentIndex: number, recordedIndex: number, preset = 4): number {
  if (!(currentIndex > 0) || !(recordedIndex > 0))
    throw new Error(`benchmark indexes must be positive, got ${currentIndex} and ${recordedIndex}`);
  const scaled = (preset * currentIndex) / recordedIndex;
  return Math.round(Math.min(preset * 2, Math.max(1, scaled)) * 100) / 100;
}
