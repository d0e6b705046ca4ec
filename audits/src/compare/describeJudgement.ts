import type { TimingJudgement } from '../stats/judgeTiming.js';
import type { TimingRule } from '../stats/judgeTiming.js';

/** Formats a figure in its unit: scores with 2 decimals, everything else in ms. */
export function formatTiming(name: string, value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+∞' : '-∞';
  return name === 'performance' ? value.toFixed(2) : `${Math.round(value)} ms`;
}

/**
 * One line of evidence: "FAIL cpu:first-load cpuMs: reference 160 ms vs candidate 212 ms (medians of 4 and 4),
 * worse by 52 ms [45 ms, 58 ms] at 97 %, allowed 8 ms".
 */
export function describeJudgement(
  target: string,
  name: string,
  judged: TimingJudgement & { rule: TimingRule },
): string {
  const f = (value: number) => formatTiming(name, value);
  const { worseBy } = judged;
  const confidence = worseBy.confidence < 1 ? `${Math.round(worseBy.confidence * 100)} %` : 'no interval yet';
  const limit =
    judged.rule.limit === undefined
      ? ''
      : `; limit ${judged.rule.worse === 'higher' ? '≤' : '≥'} ${f(judged.rule.limit)}: ${judged.limit === 'fail' ? 'missed with confidence' : judged.limit === 'pass' ? 'met' : 'not yet sure'}`;
  return (
    `${judged.verdict.toUpperCase()} ${target} ${name}: reference ${f(judged.reference.median)} vs candidate ${f(judged.candidate.median)} ` +
    `(medians of ${judged.reference.samples.length} and ${judged.candidate.samples.length}), worse by ${f(worseBy.estimate)} [${f(worseBy.low)}, ${f(worseBy.high)}] at ${confidence}, allowed ${f(judged.allowed)}${limit}`
  );
}
