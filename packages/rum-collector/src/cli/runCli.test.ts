import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectorServer } from '../createCollectorServer.js';
import { createClickHouseStorage } from '../storage/clickhouse/createClickHouseStorage.js';
import { createDuckDBStorage } from '../storage/duckdb/createDuckDBStorage.js';
import { makeBeacon, vital } from '../test-utils/makeBeacon.js';
import { clickHouseUnavailable, startClickHouse } from '../test-utils/startClickHouse.js';
import { EXIT, runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'rum-cli-'));
const dataDir = join(dir, 'data');
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const run = promisify(execFile);

/** Runs the CLI in-process and keeps what it wrote to each stream. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A port nothing listens on: one the OS just gave out and took back. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts the compiled `pronto-rum serve` and resolves with the origin it announces. */
function startServe(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(Object.assign(new Error(`serve exited (${code}): ${stderr}`), { code, stderr })));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /collecting at (http:\/\/[\d.:]+)\/rum\/collect/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
  });
  return { child, url, exited };
}

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
      return {
        receivedAt: now - 1000,
        beacon: makeBeacon({ events: [vital('LCP', i < 10 ? 3000 : 1000, { route })] }),
      };
    }),
  );
  await storage.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pronto-rum budget', () => {
  it('exits 0 with a table when every route is within budget', async () => {
    const config = writeConfig('ok.json', [{ route: '*', metric: 'LCP', p75: 3500 }]);
    const { stdout } = await run(process.execPath, [
      bin,
      'budget',
      '--config',
      config,
      '--since',
      '1d',
      '--data',
      dataDir,
    ]);
    expect(stdout).toMatch(/PASS\s+\/cart\s+LCP\s+all\s+1000 ms\s+3500 ms\s+10/);
    expect(stdout).toContain('All 2 budgets pass.');
  });

  it('exits 1 and lists the failing route first when a p75 breaks its budget', async () => {
    const config = writeConfig('tight.json', [
      { route: '*', metric: 'LCP', p75: 2500 },
      { route: '/checkout', metric: 'INP', p75: 200 },
    ]);
    const failure = await run(process.execPath, [
      bin,
      'budget',
      '--config',
      config,
      '--since',
      '1d',
      '--data',
      dataDir,
    ]).then(
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
        await fetch(`${server.url}/rum/collect`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify(makeBeacon({ events: [vital('INP', 600)] })),
        });
      }
      const out: string[] = [];
      const code = await runCli(
        [
          'budget',
          '--config',
          writeConfig('inp.json', [{ route: '/items/:id', metric: 'INP', p75: 200, deviceClass: 'mobile' }]),
          '--json',
          '--url',
          `${server.url}/rum`,
        ],
        { out: (t) => out.push(t), err: (t) => out.push(t) },
      );
      expect(code).toBe(1);
      expect(JSON.parse(out.join('')).results).toEqual([
        {
          route: '/items/:id',
          metric: 'INP',
          deviceClass: 'mobile',
          p75: 600,
          budget: 200,
          samples: 6,
          status: 'fail',
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it('exits 3 with a readable message on a bad config', async () => {
    const err: string[] = [];
    const code = await runCli(
      ['budget', '--config', writeConfig('bad.json', [{ route: '/', metric: 'FID', p75: 1 }]), '--data', dataDir],
      {
        out: () => {},
        err: (t) => err.push(t),
      },
    );
    expect(code).toBe(EXIT.runtime);
    expect(err.join('')).toContain('budgets[0].metric must be one of LCP, INP, CLS, FCP, TTFB');
  });
});

describe('pronto-rum serve', () => {
  it('collects, serves the dashboard and metrics, and exits 0 on SIGTERM after flushing', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', join(dir, 'serve')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited early (${code})`)));
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /collecting at (http:\/\/[\d.:]+)\/rum\/collect/.exec(chunk.toString());
        if (match) resolve(match[1]!);
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const res = await fetch(`${url}/rum/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(makeBeacon()),
    });
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

describe('pronto-rum conventions', () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };

  it.each([['--help'], ['-h'], ['help']])('%s prints the usage on stdout and exits 0', async (flag) => {
    const { code, stdout, stderr } = await cli([flag]);
    expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
    expect(stdout).toContain('Usage: pronto-rum <command> [options]');
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 a budget is broken, 2 usage error, 3 runtime error/);
  });

  it('prints the version of the package with --version', async () => {
    expect(await cli(['--version'])).toEqual({ code: EXIT.ok, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['budget', '--help'], 'Usage: pronto-rum budget'],
    [['serve', '-h'], 'Usage: pronto-rum serve'],
    [['help', 'serve'], 'Usage: pronto-rum serve'],
  ])("%j prints that command's help and exits 0", async (argv, heading) => {
    const { code, stdout } = await cli(argv);
    expect(code).toBe(EXIT.ok);
    expect(stdout.startsWith(heading)).toBe(true);
  });

  it.each([
    [[], 'no command given', 'pronto-rum --help'],
    [['deploy'], 'unknown command "deploy"', 'pronto-rum --help'],
    [['budget', '--nope'], "Unknown option '--nope'", 'pronto-rum budget --help'],
    [['budget', '--data', 'x'], '--config is required', 'pronto-rum budget --help'],
    [['budget', '--config', 'c.json', '--data', 'x', '--since', 'soon'], '--since', 'pronto-rum budget --help'],
    [['serve', '--port', 'http'], '--port (or PORT) must be 0..65535', 'pronto-rum serve --help'],
    [['serve', '--allowed-origins', 'shop.example'], '--allowed-origins takes origins', 'pronto-rum serve --help'],
    [
      ['serve', '--clickhouse', 'tcp://127.0.0.1:9000'],
      "--clickhouse (or CLICKHOUSE_URL): ClickHouse's HTTP interface is http: or https:",
      'pronto-rum serve --help',
    ],
  ])('%j is a usage error: exit 2 and a pointer to the help', async (argv, message, hint) => {
    const { code, stdout, stderr } = await cli(argv);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: '' });
    expect(stderr).toContain(message);
    expect(stderr).toContain(`Run \`${hint}\` for usage.`);
  });

  it('exits 3 when the collector cannot be reached', async () => {
    const config = writeConfig('net.json', [{ route: '*', metric: 'LCP', p75: 2500 }]);
    const { code, stderr } = await cli([
      'budget',
      '--config',
      config,
      '--url',
      `http://127.0.0.1:${await closedPort()}/rum`,
    ]);
    expect(code).toBe(EXIT.runtime);
    expect(stderr).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('the installed bin writes help to stdout and exits 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [bin, '--help']);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: pronto-rum <command>');
  });

  it('serve listens on PORT and HOST, and answers the CORS preflight of --allowed-origins only', async () => {
    const port = await closedPort();
    const { child, url, exited } = startServe(
      ['--data', join(dir, 'env'), '--allowed-origins', 'https://shop.example', '--trust-proxy'],
      { PORT: String(port), HOST: '127.0.0.1' },
    );
    try {
      expect(await url).toBe(`http://127.0.0.1:${port}`);
      const preflight = (origin: string) =>
        fetch(`http://127.0.0.1:${port}/rum/collect`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      expect((await preflight('https://shop.example')).headers.get('access-control-allow-origin')).toBe(
        'https://shop.example',
      );
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('serve stores in PostgreSQL when DATABASE_URL is set, and exits 3 when it cannot connect', async () => {
    const { url, exited } = startServe(['--data', join(dir, 'unused')], {
      PORT: '0',
      DATABASE_URL: `postgres://rum@127.0.0.1:${await closedPort()}/rum`,
    });
    await expect(url).rejects.toMatchObject({ code: EXIT.runtime, stderr: expect.stringMatching(/ECONNREFUSED/) });
    expect(await exited).toBe(EXIT.runtime);
  });

  it('serve refuses two stores at once (CLICKHOUSE_URL and DATABASE_URL) as a usage error', async () => {
    const { code, stderr } = await cli(['serve', '--port', '0'], {
      CLICKHOUSE_URL: 'http://127.0.0.1:8123',
      DATABASE_URL: 'postgres://rum@127.0.0.1/rum',
    });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('give one store: --clickhouse (or CLICKHOUSE_URL) or DATABASE_URL, not both');
  });

  it('serve exits 3 when the ClickHouse of CLICKHOUSE_URL cannot be reached', async () => {
    const { url, exited } = startServe([], { PORT: '0', CLICKHOUSE_URL: `http://127.0.0.1:${await closedPort()}` });
    await expect(url).rejects.toMatchObject({ code: EXIT.runtime, stderr: expect.stringMatching(/ECONNREFUSED/) });
    expect(await exited).toBe(EXIT.runtime);
  });
});

const noClickHouse = clickHouseUnavailable();
describe.skipIf(noClickHouse !== null)('pronto-rum serve --clickhouse', () => {
  it("stores in the database named by the URL's path, and exits 0 on SIGTERM", async () => {
    const clickHouse = await startClickHouse();
    try {
      const { child, url, exited } = startServe(['--port', '0', '--clickhouse', `${clickHouse.url}/rum_cli`], {});
      const origin = await url;
      const beacon = makeBeacon();
      const res = await fetch(`${origin}/rum/collect`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(beacon),
      });
      expect(res.status).toBe(204);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const storage = await createClickHouseStorage({ url: clickHouse.url, database: 'rum_cli', createTables: false });
      try {
        expect((await storage.listBeacons()).map((stored) => stored.beacon)).toEqual([beacon]);
      } finally {
        await storage.close();
      }
    } finally {
      await clickHouse.stop();
    }
  });
});
