// The audits runner's help: written here, not in each command, so `--help` answers without loading Lighthouse
// or Playwright and the list of commands has one source.

/** Command name -> one-line summary and its usage. */
export const COMMAND_HELP: Record<string, { summary: string; usage: string }> = {
  all: {
    summary: 'Lighthouse, timings and the baseline, in that order',
    usage: `Usage: audit all [--ci] [--update-baseline] [--against <commit>] [--skip-lighthouse] [--skip-timings]

  --ci                 the CI subset (fewer runs), exit 1 on any failure
  --update-baseline    write audits/baseline.json instead of comparing with it
  --against <commit>   reference build of the timings A/B (default: the baseline's commit)
  --skip-lighthouse    leave out the Lighthouse step
  --skip-timings       leave out the timings A/B step`,
  },
  lighthouse: {
    summary: 'Lighthouse runs against the production build, judged against the limits',
    usage: `Usage: audit lighthouse [--ci] [--only <ids>] [--repeats <n>] [--confirm-runs <n>] [--url <url>] [--runs-file <file>] [--report-dir <dir>]

  --ci                 the runs marked for CI
  --only <ids>         comma-separated run ids
  --repeats <n>        runs per target (median taken)
  --confirm-runs <n>   extra runs that must confirm a failure
  --url <url>          audit a running server instead of starting one
  --runs-file <file>   JSON list of runs instead of the configured ones
  --report-dir <dir>   where the reports go`,
  },
  timings: {
    summary: 'the vitals scenarios, A/B against a reference build',
    usage: `Usage: audit timings [--ci] [--against <commit>] [--only <scenarios>] [--skip-lighthouse] [--skip-scenarios]

  --ci                 the CI subset
  --against <commit>   reference build (default: the baseline's commit)
  --only <scenarios>   comma-separated scenario ids
  --skip-lighthouse    leave out the Lighthouse timings
  --skip-scenarios     leave out the browser scenarios`,
  },
  baseline: {
    summary: 'compare the deterministic figures with audits/baseline.json',
    usage: `Usage: audit baseline [--update] [--root <dir>] [--baseline <file>]

  --update            write the current figures as the baseline
  --root <dir>        project root (default: the repository's)
  --baseline <file>   baseline file (default: audits/baseline.json)`,
  },
  report: {
    summary: 'write the HTML report of the last runs (reports/audit/index.html)',
    usage: `Usage: audit report [--root <dir>]

  --root <dir>   project root (default: the repository's)`,
  },
};

const USAGE = `Usage: node audits/dist/src/bin/run.js <command> [options]

Commands:
${Object.entries(COMMAND_HELP)
  .map(([name, { summary }]) => `  ${name.padEnd(11)}${summary}`)
  .join('\n')}

Run with \`<command> --help\` for its options. Exit codes: 0 pass, 1 a limit or budget failed, 2 usage error.`;

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** The help text `argv` asks for (`--help`, `-h`, `help [command]`, `<command> --help`), or undefined. */
export function helpFor(argv: readonly string[]): string | undefined {
  const [first, ...rest] = argv;
  if (isHelp(first)) return (first === 'help' && rest[0] && COMMAND_HELP[rest[0]]?.usage) || USAGE;
  if (first && COMMAND_HELP[first] && rest.some((arg) => arg === '--help' || arg === '-h'))
    return COMMAND_HELP[first].usage;
  return undefined;
}

/** The top-level usage, for an unknown or missing command. */
export const AUDIT_USAGE = USAGE;
