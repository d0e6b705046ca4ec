import { judgeTiming, type TimingJudgement, type TimingRule, type Verdict } from '../stats/judgeTiming.js';

/** The two builds of an A/B comparison. */
export type Side = 'reference' | 'candidate';

/** One measured run: a value per figure (a figure may be missing from a run, e.g. no INP without input). */
export type Sample = Record<string, number | undefined>;

/** How long to sample. */
export interface SamplingPlan {
  /** Runs of each build before any judgement; 4 is the least for which a 95 % rank interval exists. @default 4 */
  minRuns?: number;
  /** Runs of each build at most; a figure still undecided then passes, reported as undecided. @default 8 */
  maxRuns?: number;
  /** Stop starting new pairs after this many ms (the minimum runs always happen). @default Infinity */
  budgetMs?: number;
  /** Confidence of every interval. @default 0.95 */
  confidence?: number;
}

/** The outcome of one comparison target (one page or scenario, several figures). */
export interface ComparisonResult {
  id: string;
  figures: Record<string, TimingJudgement & { rule: TimingRule }>;
  runs: { reference: number; candidate: number };
  /** Why sampling stopped, in words. */
  stoppedBecause: string;
  /** Every run in order, for the report. */
  samples: { side: Side; sample: Sample }[];
  verdict: Verdict;
}

/**
 * Measures two builds alternately on the same machine and judges each figure, sampling until every figure is
 * decided (its interval clearly inside or clearly past the allowed regression) or the plan's cap is reached.
 *
 * Runs go in ABBA order (A B, B A, A B, ...) so that neither build always runs first after the other, and a
 * slow drift of the machine (another job starting, thermal limits) lands on both sides alike. The caller warms
 * both builds up before: the first visit after a server starts is the slowest and is not a sample.
 */
export async function sampleAlternately(
  id: string,
  rules: Readonly<Record<string, TimingRule>>,
  measure: (side: Side) => Promise<Sample>,
  { minRuns = 4, maxRuns = 8, budgetMs = Infinity, confidence = 0.95 }: SamplingPlan = {},
): Promise<ComparisonResult> {
  if (!Number.isInteger(minRuns) || minRuns < 1 || !Number.isInteger(maxRuns) || maxRuns < minRuns)
    throw new Error(`minRuns/maxRuns must be integers with 1 ≤ minRuns ≤ maxRuns, got ${minRuns}/${maxRuns}`);
  const started = Date.now();
  const samples: ComparisonResult['samples'] = [];
  let pairs = 0;
  let stoppedBecause = '';
  let figures: ComparisonResult['figures'] = {};
  for (;;) {
    const order: Side[] = pairs % 2 === 0 ? ['reference', 'candidate'] : ['candidate', 'reference'];
    for (const side of order) samples.push({ side, sample: await measure(side) });
    pairs += 1;
    if (pairs < minRuns) continue;
    figures = judgeAll(rules, samples, confidence);
    const open = Object.entries(figures)
      .filter(([, judged]) => judged.verdict === 'undecided')
      .map(([name]) => name);
    if (!open.length) {
      stoppedBecause = `every figure decided after ${pairs} run(s) of each build`;
      break;
    }
    if (pairs >= maxRuns) {
      stoppedBecause = `cap of ${maxRuns} run(s) of each build reached with ${open.join(', ')} undecided (noise wider than the margin: passes)`;
      break;
    }
    if (Date.now() - started >= budgetMs) {
      stoppedBecause = `time budget of ${Math.round(budgetMs / 1000)} s used after ${pairs} run(s) of each build with ${open.join(', ')} undecided (passes)`;
      break;
    }
  }
  const verdicts = Object.values(figures).map((judged) => judged.verdict);
  const verdict: Verdict = verdicts.includes('fail') ? 'fail' : verdicts.includes('undecided') ? 'undecided' : 'pass';
  return { id, figures, runs: { reference: pairs, candidate: pairs }, stoppedBecause, samples, verdict };
}

function judgeAll(
  rules: Readonly<Record<string, TimingRule>>,
  samples: ComparisonResult['samples'],
  confidence: number,
): ComparisonResult['figures'] {
  const out: ComparisonResult['figures'] = {};
  for (const [name, rule] of Object.entries(rules)) {
    const values = (side: Side) =>
      samples
        .filter((run) => run.side === side)
        .map((run) => run.sample[name])
        .filter((value): value is number => typeof value === 'number');
    const reference = values('reference');
    const candidate = values('candidate');
    // A figure one build never reports (no INP on that page) cannot be compared; the limits of the other gates apply.
    if (!reference.length || !candidate.length) continue;
    out[name] = { ...judgeTiming(reference, candidate, rule, confidence), rule };
  }
  return out;
}
