import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { evaluateBudgets, formatBudgetTable, type PercentileSource } from '../budget/evaluateBudgets.js';
import { readBudgetConfig } from '../budget/readBudgetConfig.js';
import { createCollectorServer } from '../createCollectorServer.js';
import { parseDuration } from '../parseDuration.js';
import { clickHouseOptionsFromUrl } from './clickHouseOptionsFromUrl.js';
import { createClickHouseStorage } from '../storage/clickhouse/createClickHouseStorage.js';
import { createDuckDBStorage } from '../storage/duckdb/createDuckDBStorage.js';
import { createPostgresStorage } from '../storage/createPostgresStorage.js';
import type { PercentileQuery, RumStorage } from '../storage/types.js';

/** Exit codes of `pronto-rum`, documented in the README. */
export const EXIT = {
  ok: 0,
  /** `budget`: a p75 is over its budget. */
  budgetFailed: 1,
  /** Unknown command or option, missing or malformed argument. */
  usage: 2,
  /** The arguments were fine but the work failed: network, config file, storage. */
  runtime: 3,
} as const;

const COMMANDS = {
  serve: `Usage: pronto-rum serve [options]

Runs the collector, its dashboard and /metrics.

Options:
  --port <n>                 TCP port, 0 for any free one (default: $PORT or 8787)
  --host <address>           interface to listen on (default: $HOST or 127.0.0.1)
  --data <dir>               DuckDB data directory (default: ./rum-data; unused with ClickHouse or PostgreSQL)
  --clickhouse <url>         store in ClickHouse (needs the package @clickhouse/client), e.g.
                             http://user:password@host:8123/database (default: $CLICKHOUSE_URL)
  --base <path>              path of the collect endpoint and dashboard (default: /rum)
  --allowed-origins <list>   comma-separated origins allowed to post (CORS); default: any origin, no CORS headers
  --trust-proxy [<n>]        number of reverse proxies in front (X-Forwarded-For); the flag alone means 1
  -h, --help                 show this help

Environment:
  PORT, HOST                 defaults of --port and --host
  CLICKHOUSE_URL             default of --clickhouse
  DATABASE_URL               store in PostgreSQL (needs the package pg) instead of DuckDB`,
  budget: `Usage: pronto-rum budget --config <file> (--data <dir> | --url <collector>) [options]

Checks field p75s against budgets; exits 1 when one is broken.

Options:
  --config <file>   budgets JSON (required)
  --data <dir>      read a DuckDB data directory (read-only)
  --url <url>       read a running collector, e.g. http://host/rum
  --since <window>  time window, e.g. 7d, 12h (default: 7d)
  --json            print JSON instead of a table
  -h, --help        show this help`,
} as const;

const USAGE = `Usage: pronto-rum <command> [options]

Commands:
  serve    run the collector, dashboard and /metrics
  budget   check field p75s against budgets (CI gate)
  help     show help, or a command's help (pronto-rum help budget)

Options:
  -h, --help      show this help
  -v, --version   print the version

Exit codes: 0 ok, 1 a budget is broken, 2 usage error, 3 runtime error (network, config, storage).
Run \`pronto-rum <command> --help\` for a command's options.`;

/** Output streams of one CLI run (injected so tests can run it in-process). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Environment read for PORT, HOST, CLICKHOUSE_URL and DATABASE_URL. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A mistake in the command line: exit code 2 and a pointer to the help. */
class UsageError extends Error {}

const isCommand = (name: string | undefined): name is keyof typeof COMMANDS =>
  name !== undefined && Object.hasOwn(COMMANDS, name);
const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/**
 * Runs `pronto-rum`. Resolves with an {@link EXIT} code. `serve` resolves once the server is listening and keeps
 * running.
 */
export async function runCli(argv: string[], io: CliIo, now = Date.now()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h') return help(io, USAGE);
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      if (rest[0] !== undefined && !isCommand(rest[0])) throw new UsageError(`unknown command "${rest[0]}"`);
      return help(io, isCommand(rest[0]) ? COMMANDS[rest[0]] : USAGE);
    }
    if (!isCommand(command))
      throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
    if (wantsHelp(rest)) return help(io, COMMANDS[command]);
    return command === 'serve' ? await serve(rest, io) : await budget(rest, io, now);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const helpHint = isCommand(command) ? `pronto-rum ${command} --help` : 'pronto-rum --help';
    io.err(`pronto-rum: ${(error as Error).message}\n${usage ? `Run \`${helpHint}\` for usage.\n` : ''}`);
    return usage ? EXIT.usage : EXIT.runtime;
  }
}

function help(io: CliIo, text: string): number {
  io.out(`${text}\n`);
  return EXIT.ok;
}

function version(): string {
  // ../../package.json from both src/cli and dist/cli.
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  // --trust-proxy takes an optional count, which parseArgs cannot express: the flag alone becomes `--trust-proxy=`.
  const { values } = parseArgs({
    args: args.map((arg, i) =>
      arg === '--trust-proxy' && (args[i + 1] === undefined || args[i + 1]!.startsWith('-')) ? '--trust-proxy=' : arg,
    ),
    options: {
      port: { type: 'string', default: env.PORT || '8787' },
      host: { type: 'string', default: env.HOST || '127.0.0.1' },
      data: { type: 'string', default: './rum-data' },
      base: { type: 'string', default: '/rum' },
      'allowed-origins': { type: 'string' },
      'trust-proxy': { type: 'string' },
      clickhouse: { type: 'string', ...(env.CLICKHOUSE_URL ? { default: env.CLICKHOUSE_URL } : {}) },
    },
  });
  const port = Number(values.port);
  if (values.port.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port (or PORT) must be 0..65535, got "${values.port}"`);
  const allowedOrigins = values['allowed-origins']
    ?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (allowedOrigins) {
    for (const origin of allowedOrigins) {
      if (!/^https?:\/\/[^/]+$/.test(origin))
        throw new UsageError(`--allowed-origins takes origins like https://shop.example, got "${origin}"`);
    }
  }
  const trustProxy = parseTrustProxy(values['trust-proxy']);
  const storage = await openServeStorage(values.clickhouse, env.DATABASE_URL);
  const server = await createCollectorServer({
    port,
    host: values.host,
    dataDir: values.data,
    basePath: values.base,
    ...(storage ? { storage } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(trustProxy ? { trustProxy } : {}),
  }).catch(async (error: unknown) => {
    await storage?.close();
    throw error;
  });
  io.out(
    `pronto-rum collecting at ${server.url}${values.base}/collect, dashboard ${server.url}${values.base}/, metrics ${server.url}/metrics (${storage ? (STORE_NAMES[storage.kind] ?? storage.kind) : `DuckDB in ${values.data}`})\n`,
  );
  const stop = () =>
    void server
      .close()
      .then(() => storage?.close())
      .then(() => process.exit(EXIT.ok));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return EXIT.ok;
}

const STORE_NAMES: Readonly<Record<string, string>> = { clickhouse: 'ClickHouse', postgres: 'PostgreSQL' };

/** The store `serve` was pointed at, or undefined for the embedded DuckDB one. */
async function openServeStorage(
  clickHouseUrl: string | undefined,
  databaseUrl: string | undefined,
): Promise<RumStorage | undefined> {
  if (clickHouseUrl !== undefined && databaseUrl) {
    throw new UsageError('give one store: --clickhouse (or CLICKHOUSE_URL) or DATABASE_URL, not both');
  }
  if (clickHouseUrl !== undefined) {
    let options;
    try {
      options = clickHouseOptionsFromUrl(clickHouseUrl);
    } catch (error) {
      throw new UsageError(`--clickhouse (or CLICKHOUSE_URL): ${(error as Error).message}`);
    }
    return createClickHouseStorage(options);
  }
  return databaseUrl ? createPostgresStorage({ connectionString: databaseUrl }) : undefined;
}

/** `--trust-proxy` alone (an empty value) means 1 proxy, as `trustProxy: true`; `--trust-proxy 2` two. */
function parseTrustProxy(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === '') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0)
    throw new UsageError(`--trust-proxy takes a whole number of proxies, got "${value}"`);
  return hops;
}

async function budget(args: string[], io: CliIo, now: number): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      since: { type: 'string', default: '7d' },
      json: { type: 'boolean', default: false },
      data: { type: 'string' },
      url: { type: 'string' },
    },
  });
  if (!values.config) throw new UsageError('--config is required');
  if (!values.data === !values.url)
    throw new UsageError('give exactly one of --data (a data directory) or --url (a running collector)');
  let window;
  try {
    window = { from: now - parseDuration(values.since), to: now + 1 };
  } catch (error) {
    throw new UsageError(`--since: ${(error as Error).message}`);
  }
  const config = readBudgetConfig(JSON.parse(await readFile(values.config, 'utf8')));
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
    io.out(
      values.json
        ? `${JSON.stringify({ since: values.since, results }, null, 2)}\n`
        : `${formatBudgetTable(results)}\n`,
    );
    return results.some((r) => r.status === 'fail') ? EXIT.budgetFailed : EXIT.ok;
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
    const res = await fetch(url).catch((error: unknown) => {
      throw new Error(
        `could not reach ${url.origin}: ${(error as { cause?: Error }).cause?.message ?? (error as Error).message}`,
      );
    });
    if (!res.ok) throw new Error(`${url.href} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { rows: [] }).rows;
  };
}
