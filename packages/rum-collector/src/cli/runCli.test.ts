import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectorServer } from '../createCollectorServer.js';
import { createDuckDBStorage } from '../storage/createDuckDBStorage.js';
import { makeBeacon, vital } from '../test-utils/makeBeacon.js';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-cli-'));
const dataDir = join(dir, 'data');
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const run = promisify(execFile);

const writeConfig = (name: string, budgets: unknown[]) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ minSamples: 5, budgets }));
  return path;
};

beforeAll(async () => {
  // 10 page views on /items/:id with LCP 3000 ms, 10 on /cart with LCP 1000 ms, received just now.
  const storage = await createDuckDBStorage({ dataDir });
  const now = Date.now();
  await storage.insertBatch(
    Array.from({ length: 20 }, (_, i) => {
      const route = i < 10 ? '/items/:id' : '/cart';
      return { receivedAt: now - 1000, beacon: makeBeacon({ events: [vital('LCP', i < 10 ? 3000 : 1000, { route })] }) };
    }),
  );
  await storage.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pronto-rum budget', () => {
  it('exits 0 with a table when every route is within budget', async () => {
    const config = writeConfig('ok.json', [{ route: '*', metric: 'LCP', p75: 3500 }]);
    const { stdout } = await run(process.execPath, [bin, 'budget', '--config', config, '--since', '1d', '--data', dataDir]);
    expect(stdout).toMatch(/PASS\s+\/cart\s+LCP\s+all\s+1000 ms\s+3500 ms\s+10/);
    expect(stdout).toContain('All 2 budgets pass.');
  });

  it('exits 1 and lists the failing route first when a p75 breaks its budget', async () => {
    const config = writeConfig('tight.json', [{ route: '*', metric: 'LCP', p75: 2500 }, { route: '/checkout', metric: 'INP', p75: 200 }]);
    const failure = await run(process.execPath, [bin, 'budget', '--config', config, '--since', '1d', '--data', dataDir]).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const lines = failure!.stdout.split('\n');
    expect(lines[2]).toMatch(/^FAIL\s+\/items\/:id\s+LCP\s+all\s+3000 ms\s+2500 ms\s+10$/);
    expect(failure!.stdout).toMatch(/NO-DATA\s+\/checkout\s+INP/);
    expect(failure!.stdout).toContain('1 of 3 budgets FAILED.');
  });

  it('prints JSON with --json and reads a running collector with --url', async () => {
    const server = await createCollectorServer({ port: 0, dataDir: join(dir, 'served'), rateLimit: false });
    try {
      for (let i = 0; i < 6; i++) {
        await fetch(`${server.url}/rum/collect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(makeBeacon({ events: [vital('INP', 600)] })) });
      }
      const out: string[] = [];
      const code = await runCli(
        ['budget', '--config', writeConfig('inp.json', [{ route: '/items/:id', metric: 'INP', p75: 200, deviceClass: 'mobile' }]), '--json', '--url', `${server.url}/rum`],
        { out: (t) => out.push(t), err: (t) => out.push(t) },
      );
      expect(code).toBe(1);
      expect(JSON.parse(out.join('')).results).toEqual([
        { route: '/items/:id', metric: 'INP', deviceClass: 'mobile', p75: 600, budget: 200, samples: 6, status: 'fail' },
      ]);
    } finally {
      await server.close();
    }
  });

  it('exits 2 with a readable message on a bad config', async () => {
    const err: string[] = [];
    const code = await runCli(['budget', '--config', writeConfig('bad.json', [{ route: '/', metric: 'FID', p75: 1 }]), '--data', dataDir], {
      out: () => {},
      err: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('budgets[0].metric must be one of LCP, INP, CLS, FCP, TTFB');
  });
});

describe('pronto-rum serve', () => {
  it('collects, serves the dashboard and metrics, and exits 0 on SIGTERM after flushing', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', join(dir, 'serve')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited early (${code})`)));
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /collecting at (http:\/\/[\d.:]+)\/rum\/collect/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const res = await fetch(`${url}/rum/collect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(makeBeacon()) });
    expect(res.status).toBe(204);
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('pronto_rum_beacons_stored_total 1');
    const page = await fetch(`${url}/rum/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const storage = await createDuckDBStorage({ dataDir: join(dir, 'serve'), readOnly: true });
    expect(await storage.countBeacons()).toBe(1);
    await storage.close();
  });
});
