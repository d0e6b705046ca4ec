import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateBudgets, formatBudgetTable, type PercentileSource } from '../budget/evaluateBudgets.js';
import { readBudgetConfig } from '../budget/readBudgetConfig.js';
import { createCollectorServer } from '../createCollectorServer.js';
import { parseDuration } from '../parseDuration.js';
import { createDuckDBStorage } from '../storage/createDuckDBStorage.js';
import type { PercentileQuery, RumStorage } from '../storage/types.js';

const USAGE = `Usage:
  pronto-rum serve  [--port 8787] [--host 127.0.0.1] [--data ./rum-data] [--base /rum]
  pronto-rum budget --config rum-budgets.json [--since 7d] [--json] (--data ./rum-data | --url http://host/rum)`;

/** Output streams and exit code of one CLI run (injected so tests can run it in-process). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Runs `pronto-rum`. Resolves with the exit code: 0 ok, 1 a budget failed, 2 bad usage or input.
 * `serve` resolves only once the server is listening and keeps running.
 */
export async function runCli(argv: string[], io: CliIo, now = Date.now()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') return await serve(rest, io);
    if (command === 'budget') return await budget(rest, io, now);
    io.err(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  } catch (error) {
    io.err(`pronto-rum: ${(error as Error).message}\n`);
    return 2;
  }
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' }, data: { type: 'string', default: './rum-data' }, base: { type: 'string', default: '/rum' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const server = await createCollectorServer({ port, host: values.host, dataDir: values.data, basePath: values.base });
  io.out(`pronto-rum collecting at ${server.url}${values.base}/collect, dashboard ${server.url}${values.base}/, metrics ${server.url}/metrics\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

async function budget(args: string[], io: CliIo, now: number): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string' }, since: { type: 'string', default: '7d' }, json: { type: 'boolean', default: false }, data: { type: 'string' }, url: { type: 'string' } },
  });
  if (!values.config) throw new Error(`--config is required\n${USAGE}`);
  if (!values.data === !values.url) throw new Error('give exactly one of --data (a data directory) or --url (a running collector)');
  const config = readBudgetConfig(JSON.parse(await readFile(values.config, 'utf8')));
  const window = { from: now - parseDuration(values.since), to: now + 1 };
  let storage: RumStorage | null = null;
  let source: PercentileSource;
  if (values.data) {
    storage = await createDuckDBStorage({ dataDir: values.data, readOnly: true });
    source = (q) => storage!.percentiles(q);
  } else {
    source = fetchPercentiles(values.url!, values.since);
  }
  try {
    const results = await evaluateBudgets(config, source, window);
    io.out(values.json ? `${JSON.stringify({ since: values.since, results }, null, 2)}\n` : `${formatBudgetTable(results)}\n`);
    return results.some((r) => r.status === 'fail') ? 1 : 0;
  } finally {
    await storage?.close();
  }
}

/** Reads percentiles from a running collector, e.g. when the DuckDB file is held by that server. */
function fetchPercentiles(base: string, since: string): PercentileSource {
  return async (q: PercentileQuery) => {
    const url = new URL(`${base.replace(/\/+$/, '')}/api/percentiles`);
    url.searchParams.set('window', since);
    if (q.metric) url.searchParams.set('metric', q.metric);
    if (q.route) url.searchParams.set('route', q.route);
    if (q.deviceClass) url.searchParams.set('device', q.deviceClass);
    if (q.groupBy?.length) url.searchParams.set('groupBy', q.groupBy.join(','));
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url.href} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { rows: [] }).rows;
  };
}
