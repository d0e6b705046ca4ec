import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort.js';

/** How to run a ClickHouse server here: Debian's `clickhouse-server`, or the upstream single binary's `clickhouse server`. */
export function findClickHouseServer(
  env: NodeJS.ProcessEnv = process.env,
): { command: string[] } | { missing: string } {
  const onPath = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim();
  const fromEnv = env['CLICKHOUSE_SERVER'];
  if (fromEnv)
    return existsSync(fromEnv) ? { command: [fromEnv] } : { missing: `CLICKHOUSE_SERVER=${fromEnv} does not exist` };
  const debian =
    onPath('clickhouse-server') || (existsSync('/usr/sbin/clickhouse-server') ? '/usr/sbin/clickhouse-server' : '');
  if (debian) return { command: [debian] };
  const single = onPath('clickhouse');
  if (single) return { command: [single, 'server'] };
  return { missing: 'no clickhouse-server (or clickhouse) binary on PATH or in /usr/sbin' };
}

/**
 * Why the ClickHouse tests cannot run here, or null when they can. Under CI (the `CI` variable set) a missing
 * server throws instead: a suite that skips there would let CI pass without ever testing the store.
 */
export function clickHouseUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  const found = findClickHouseServer(env);
  if ('command' in found) return null;
  if (env['CI'] && env['CI'] !== 'false' && env['CI'] !== '0') {
    throw new Error(
      `${found.missing}. CI must run the ClickHouse storage tests: install clickhouse-server (.ci/run does) or set CLICKHOUSE_SERVER.`,
    );
  }
  return `${found.missing} (apt-get install clickhouse-server, or set CLICKHOUSE_SERVER): skipping ClickHouse storage tests`;
}

/** A throwaway ClickHouse server on free loopback ports. */
export interface TestClickHouse {
  /** HTTP interface, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Native protocol port (what `remote_servers` of a cluster names). */
  tcpPort: number;
  /** Kills the server and deletes its data. */
  stop(): Promise<void>;
}

interface Ports {
  http: number;
  tcp: number;
}

/** A cluster of one-replica shards, as `remote_servers` XML (the same text the README shows). */
export function remoteServersXml(cluster: string, tcpPorts: readonly number[]): string {
  const shards = tcpPorts.map((port) => `<shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`);
  return `<remote_servers><${cluster}>${shards.join('')}</${cluster}></remote_servers>`;
}

// The smallest config ClickHouse 18.16 starts with (root element <yandex>; newer servers accept it too).
function configXml(dir: string, ports: Ports, extra: string): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <timezone>UTC</timezone>
  ${extra}
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;

async function launch(command: string[], ports: Ports, extra: string): Promise<TestClickHouse> {
  const dir = mkdtempSync(join(tmpdir(), 'rum-ch-'));
  writeFileSync(join(dir, 'config.xml'), configXml(dir, ports, extra));
  writeFileSync(join(dir, 'users.xml'), USERS_XML);
  const child: ChildProcess = spawn(command[0]!, [...command.slice(1), `--config-file=${join(dir, 'config.xml')}`], {
    stdio: 'ignore',
  });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));
  const url = `http://127.0.0.1:${ports.http}`;
  const stop = async () => {
    // The data is thrown away, so no graceful shutdown (ClickHouse 18 took 5 s to exit on SIGTERM here).
    if (exited === undefined) {
      child.kill('SIGKILL');
      await exit;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, tcpPort: ports.tcp, stop };
    if (exited !== undefined || Date.now() > deadline) {
      const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000) : '';
      await stop();
      throw new Error(`clickhouse-server did not start (exit ${String(exited)}): ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts one ClickHouse server with data in a temp dir. */
export async function startClickHouse(): Promise<TestClickHouse> {
  const found = findClickHouseServer();
  if (!('command' in found)) throw new Error(found.missing);
  return launch(found.command, { http: await freePort(), tcp: await freePort() }, '');
}

/** Servers that form one cluster of single-replica shards named `cluster`. */
export interface TestClickHouseCluster {
  cluster: string;
  nodes: TestClickHouse[];
  stop(): Promise<void>;
}

/** Starts `shards` ClickHouse servers, each configured with the same `remote_servers` cluster of all of them. */
export async function startClickHouseCluster(shards: number, cluster = 'rum_cluster'): Promise<TestClickHouseCluster> {
  const found = findClickHouseServer();
  if (!('command' in found)) throw new Error(found.missing);
  const ports: Ports[] = [];
  for (let i = 0; i < shards; i++) ports.push({ http: await freePort(), tcp: await freePort() });
  const xml = remoteServersXml(
    cluster,
    ports.map((p) => p.tcp),
  );
  const started = await Promise.allSettled(ports.map((p) => launch(found.command, p, xml)));
  const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stop();
    throw (failed as PromiseRejectedResult).reason;
  }
  return { cluster, nodes, stop };
}
