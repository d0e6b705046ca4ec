import type { VitalName } from '../../src/index.js';
import type { Summary } from './api.js';
import { fill, h } from './dom.js';
import { formatValue, percent, ratingOf } from './format.js';

const VITALS: VitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];

/** Per-route p75 table, worst route first (by its worst vital relative to "good"). */
export function renderRouteTable(table: HTMLTableElement, s: Summary): void {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('th', { attrs: { scope: 'col' } }, 'Route'),
      ...VITALS.map((m) => h('th', { attrs: { scope: 'col' } }, `${m} p75`)),
      h('th', { attrs: { scope: 'col' } }, 'Samples'),
    ),
  );
  const body = h('tbody');
  for (const route of s.routeTable) {
    const cells = VITALS.map((m) => {
      const row = route.rows.find((r) => r.metric === m);
      if (!row) return h('td', { class: 'muted' }, '-');
      return h('td', { class: `num ${ratingOf(s.thresholds[m], row.p75)}` }, formatValue(m, row.p75));
    });
    const samples = Math.max(...route.rows.map((r) => r.count));
    body.append(
      h(
        'tr',
        {},
        h('th', { class: 'route', attrs: { scope: 'row' } }, route.route),
        ...cells,
        h('td', { class: 'num' }, samples),
      ),
    );
  }
  if (s.routeTable.length === 0)
    body.append(h('tr', {}, h('td', { class: 'muted', attrs: { colspan: '7' } }, 'No data in this window')));
  fill(table, head, body);
}

/** Top attribution targets (CSS selectors as reported by clients, shown as text). */
export function renderTargets(table: HTMLTableElement, s: Summary): void {
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...['Metric', 'Element / target', 'Samples', 'p75'].map((t) => h('th', { attrs: { scope: 'col' } }, t)),
    ),
  );
  const body = h('tbody');
  for (const t of s.targets.filter((x) => x.metric === 'LCP' || x.metric === 'INP')) {
    body.append(
      h(
        'tr',
        {},
        h('td', {}, t.metric),
        h('td', {}, h('code', { class: 'target' }, t.target)),
        h('td', { class: 'num' }, t.count),
        h('td', { class: `num ${ratingOf(s.thresholds[t.metric], t.p75)}` }, formatValue(t.metric, t.p75)),
      ),
    );
  }
  if (body.childElementCount === 0)
    body.append(h('tr', {}, h('td', { class: 'muted', attrs: { colspan: '4' } }, 'No attribution data')));
  fill(table, head, body);
}

/** Delivery loss line. */
export function renderLoss(el: Element, s: Summary): void {
  const l = s.loss;
  fill(
    el,
    `${l.pageViews} page views, ${l.received} beacons received, ${l.missing} missing from seq gaps (${percent(l.missing, l.expected)} loss), ${l.clientDropped} dropped by clients.`,
  );
}
