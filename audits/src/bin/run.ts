// `node audits/dist/src/bin/run.js <command> [args]`: one entry for every audit command, so each npm script
// is one line and every command reports errors and exit codes the same way.
const commands: Record<string, () => Promise<{ main(argv: readonly string[]): Promise<number> }>> = {
  lighthouse: () => import('../cli/lighthouse.js'),
  timings: () => import('../cli/timings.js'),
  baseline: () => import('../cli/baseline.js'),
  report: () => import('../cli/report.js'),
  all: () => import('../cli/audit.js'),
};

const [name = '', ...args] = process.argv.slice(2);
const load = commands[name];
if (!load) {
  console.error(`Unknown audit command "${name}"; one of: ${Object.keys(commands).join(', ')}`);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await (await load()).main(args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
