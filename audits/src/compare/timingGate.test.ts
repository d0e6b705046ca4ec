import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../test-utils/serveStatic.js';
import { timingRules } from '../../audit.config.js';
import { chromiumFlags, resolveChromePath } from '../lib/chromium.js';
import type { Scenario } from '../vitals/scenario.js';
import { compareScenario } from './compareScenarios.js';

// The A/B timing gate end to end: real Chromium, two builds served side by side, alternate runs, the verdict.
// The "builds" are the fixture site with /app.html served as the clean page, or as the same page plus 200 ms of
// startup and click-handler work.

const siteDir = new URL('../../fixtures/site/', import.meta.url).pathname;
const servers: StaticServer[] = [];
let browser: Browser;

/** Serves the fixture site with /app.html as good.html, plus `<script src=...>` before `</body>` when given. */
async function build(extraScript?: string): Promise<string> {
  const server = await serveStatic(siteDir, {
    rewrite: (path) => (path === '/app.html' ? '/good.html' : path),
    headers: () => ({ 'Cache-Control': 'no-cache' }),
    transform: (body, file) =>
      extraScript && file.endsWith('good.html')
        ? body.toString('utf8').replace('</body>', `<script src="${extraScript}"></script></body>`)
        : body,
  });
  servers.push(server);
  return `${server.url}/`;
}

const scenario: Scenario = {
  id: 'app',
  title: 'open the page and click its heading',
  expect: ['LCP', 'CLS', 'INP'],
  cpu: true,
  async visit(page, origin, markInteractions) {
    await page.goto(new URL('app.html', origin).href);
    await page.getByRole('heading').waitFor();
    await markInteractions();
    for (let click = 0; click < 3; click += 1) await page.getByRole('heading').click();
  },
};

const plans = { vitals: { minRuns: 4, maxRuns: 4 }, cpu: { minRuns: 4, maxRuns: 8 } };

beforeAll(async () => {
  const executablePath = resolveChromePath();
  browser = await chromium.launch({
    args: chromiumFlags.filter((flag) => !flag.startsWith('--headless')),
    ...(executablePath ? { executablePath } : {}),
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
});

describe('A/B timing gate', () => {
  it('fails a candidate with 200 ms more startup and handler work, naming each figure with its evidence', async () => {
    const origins = { reference: await build(), candidate: await build('/slow-start.js') };
    const result = await compareScenario({
      browser,
      scenario,
      origins,
      rules: timingRules,
      plans,
      log: () => undefined,
    });
    expect(result.cpu?.figures.cpuMs?.verdict).toBe('fail');
    expect(result.cpu?.figures.handlersMs?.verdict).toBe('fail');
    // The loops spin for wall time: on a busy core they are descheduled part of it, so their CPU time is less.
    expect(result.cpu?.figures.cpuMs?.worseBy.low).toBeGreaterThan(100);
    // Real-time vitals are judged too, but a busy machine may leave them undecided: never passed, though.
    for (const name of ['longestTask', 'inp'] as const) {
      expect(result.vitals.figures[name]?.verdict).not.toBe('pass');
      expect(result.vitals.figures[name]?.worseBy.estimate).toBeGreaterThan(100);
    }
    expect(result.cpu?.cause).toContain('slow-start.js');
    expect(result.cpu?.runs.candidate).toBeGreaterThanOrEqual(4);
  });

  it('passes two identical builds (the control)', async () => {
    const origins = { reference: await build(), candidate: await build() };
    const result = await compareScenario({
      browser,
      scenario,
      origins,
      rules: timingRules,
      plans,
      log: () => undefined,
    });
    expect(result.cpu?.verdict).not.toBe('fail');
    expect(result.vitals.verdict).not.toBe('fail');
    expect(result.summary.facts).toMatchObject({ cls: 0, renderBlocking: [] });
  });
});
