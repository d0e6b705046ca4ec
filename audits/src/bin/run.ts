// `node audits/dist/src/bin/run.js <command> [args]`: one entry for every audit command, so each npm script
// is one line and every command reports errors and exit codes the same way.
import { AUDIT_USAGE, helpFor } from '../cli/help.js';

const commands: Record<string, () => Promise<{ main(argv: readonly string[]): Promise<number> }>> = {
  lighthouse: () => import('../cli/lighthouse.js'),
  timings: () => import('../cli/timings.js'),
  baseline: () => import('../cli/baseline.js'),
  report: () => import('../cli/report.js'),
  all: () => import('../cli/audit.js'),
};

const argv = process.argv.slice(2);
const [name = '', ...args] = argv;
const help = helpFor(argv);
const load = commands[name];
if (help) {
  console.log(help);
} else if (!load) {
  console.error(`${name ? `Unknown audit command "${name}"` : 'No audit command given'}.\n\n${AUDIT_USAGE}`);
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await (await load()).main(args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
