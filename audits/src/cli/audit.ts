import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main as baseline } from './baseline.js';
import { main as lighthouse } from './lighthouse.js';
import { writeAuditReport } from './report.js';
import { machineLoadWarning } from '../lib/machineLoad.js';
import { repoRoot } from '../lib/repoRoot.js';

/**
 * `npm run audit [-- --ci] [--update-baseline] [--repeat-each N]`: every performance gate in one command —
 * Lighthouse, the Playwright vitals audits, the baseline comparison — then the HTML report in reports/audit/.
 * Every step runs even when an earlier one failed, so the report shows all problems; the exit code is 1 if any
 * step failed. `--ci` is the short set (`npm test`); `--update-baseline` writes audits/baseline.json at the end.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ci: { type: 'boolean', default: false },
      'update-baseline': { type: 'boolean', default: false },
      'repeat-each': { type: 'string' },
      'skip-lighthouse': { type: 'boolean', default: false },
      'skip-vitals': { type: 'boolean', default: false },
    },
  });
  const root = repoRoot();
  const failed: string[] = [];
  const step = async (name: string, run: () => Promise<number> | number) => {
    const started = Date.now();
    console.log(`\n== ${name}`);
    const code = await run();
    console.log(`== ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (code !== 0) failed.push(name);
  };

  if (!existsSync(join(root, 'reports/size/sizes.json'))) console.log('(no reports/size/sizes.json: run `npm run test:size` for the size figures)');
  if (!values['skip-lighthouse']) await step('Lighthouse', () => lighthouse(values.ci ? ['--ci'] : []));
  if (!values['skip-vitals']) {
    const repeatEach = values['repeat-each'] ?? (values.ci ? '1' : '3');
    await step('Playwright vitals', () => {
      const cli = join(root, 'node_modules/@playwright/test/cli.js');
      return spawnSync(process.execPath, [cli, 'test', '-c', 'audits/playwright.config.ts', '--repeat-each', repeatEach], { cwd: root, stdio: 'inherit' }).status ?? 1;
    });
  }
  await step(values['update-baseline'] ? 'Baseline update' : 'Baseline', () => baseline(values['update-baseline'] ? ['--update'] : []));
  const report = writeAuditReport(root, failed.map((name) => `${name} step failed (see its output above)`));
  console.log(`\nReport: ${report}`);
  if (failed.length) {
    console.error(`Audit failed: ${failed.join(', ')}`);
    const warning = machineLoadWarning();
    if (warning) console.error(warning);
    return 1;
  }
  return 0;
}
