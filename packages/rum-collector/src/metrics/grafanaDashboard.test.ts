import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VITAL_NAMES } from '../beacon.js';
import { createCollectorServer, type CollectorServer } from '../createCollectorServer.js';
import { makeBeacon, vital } from '../test-utils/makeBeacon.js';

interface Target {
  refId: string;
  expr: string;
  datasource: { uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: { uid: string };
  targets: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown }[] };
}

const dashboard = JSON.parse(
  readFileSync(new URL('../../grafana/pronto-rum-dashboard.json', import.meta.url), 'utf8'),
) as Dashboard;
const targets = dashboard.panels.flatMap((panel) => panel.targets);
const queries = [
  ...targets.map((target) => target.expr),
  ...dashboard.templating.list.flatMap((variable) =>
    variable.type === 'query' ? [(variable.query as { query: string }).query] : [],
  ),
];

/** The collector's metric names a PromQL expression reads (its own `pronto_rum_*` and prom-client's defaults). */
const metricsIn = (expr: string) =>
  [...expr.matchAll(/\b((?:pronto_rum|process|nodejs)_[a-z0-9_]+)\b/g)].map((match) => match[1]!);

const dir = mkdtempSync(join(tmpdir(), 'rum-grafana-'));
let server: CollectorServer;
let exposition: string;
beforeAll(async () => {
  server = await createCollectorServer({ port: 0, dataDir: dir, rateLimit: false });
  const beacon = makeBeacon({ events: VITAL_NAMES.map((name) => vital(name, name === 'CLS' ? 0.05 : 900)) });
  // One stored beacon with every vital and one rejected, so the labelled series (route, reason) exist.
  const post = (body: string) =>
    fetch(`${server.url}/rum/collect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
  const answers = [(await post(JSON.stringify(beacon))).status, (await post('{')).status];
  if (answers.join() !== '204,400') throw new Error(`the collector answered ${answers.join(', ')}, not 204, 400`);
  exposition = await (await fetch(`${server.url}/metrics`)).text();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Grafana dashboard', () => {
  it('is a dashboard Grafana can import: unique panel ids, laid out on the 24-column grid, every query on the chosen data source', () => {
    expect(dashboard.uid).toBe('pronto-rum');
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      dashboard.panels.filter(
        (panel) =>
          panel.gridPos.x + panel.gridPos.w > 24 ||
          panel.targets.length === 0 ||
          panel.datasource.uid !== '${datasource}',
      ),
    ).toEqual([]);
    expect(targets.every((target) => target.datasource.uid === '${datasource}' && target.expr.trim() !== '')).toBe(
      true,
    );
    expect(dashboard.templating.list.map((variable) => variable.name)).toEqual([
      'datasource',
      'job',
      'route',
      'device_class',
    ]);
  });

  it('shows p75 per route for every vital, the ingest rate, rejections and commit latency', () => {
    const titles = dashboard.panels.map((panel) => panel.title);
    for (const name of VITAL_NAMES) expect(titles).toContain(`${name} p75 by route`);
    expect(titles).toEqual(
      expect.arrayContaining(['Ingest rate', 'Rejected beacons by reason', 'Group commit latency']),
    );
  });

  it('queries only series that /metrics exposes, with the labels it groups by', () => {
    // prom-client writes a histogram as <name>_bucket/_sum/_count series under one `# TYPE <name> histogram`.
    const series = new Set<string>();
    for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) series.add(`${name}${suffix}`);
      else series.add(name!);
    }
    const queried = [...new Set(queries.flatMap(metricsIn))];
    expect(queried.length).toBeGreaterThan(10);
    expect(queried.filter((name) => !series.has(name))).toEqual([]);
    for (const [, labels] of queries.join('\n').matchAll(/by \(([^)]+)\)/g)) {
      for (const label of labels!.split(',').map((l) => l.trim()))
        expect(exposition).toMatch(new RegExp(`[{,]${label}="`));
    }
  });
});
