import type { VitalName } from '../../src/index.js';
import type { Summary } from './api.js';
import { fill, h } from './dom.js';
import { formatValue, percent, ratingOf } from './format.js';

const VITALS: VitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];

/** Distribution bar: good / needs improvement / poor shares (widths through CSSOM, allowed by the CSP). */
function shareBar(good: number, ni: number, poor: number, total: number): HTMLElement {
  const bar = h('div', {
    class: 'shares',
    attrs: {
      role: 'img',
      'aria-label': `good ${percent(good, total)}, needs improvement ${percent(ni, total)}, poor ${percent(poor, total)}`,
    },
  });
  for (const [cls, n] of [
    ['good', good],
    ['ni', ni],
    ['poor', poor],
  ] as const) {
    const seg = h('span', { class: cls, title: `${percent(n, total)} (${n})` });
    seg.style.width = total === 0 ? '0' : `${(100 * n) / total}%`;
    bar.append(seg);
  }
  return bar;
}

/** One card per vital: p75 (coloured by rating), sample count, p50/p90/p99 and the good/NI/poor distribution. */
export function renderCards(el: Element, s: Summary): void {
  fill(
    el,
    ...VITALS.map((metric) => {
      const p = s.percentiles.find((r) => r.metric === metric);
      const r = s.ratings.find((x) => x.metric === metric);
      if (!p || !r)
        return h('article', { class: 'card empty' }, h('h3', {}, metric), h('p', { class: 'muted' }, 'No samples'));
      const rating = ratingOf(s.thresholds[metric], p.p75);
      return h(
        'article',
        { class: `card ${rating}`, attrs: { 'data-metric': metric } },
        h('h3', {}, metric, ' ', h('span', { class: 'muted' }, 'p75')),
        h('p', { class: 'big' }, formatValue(metric, p.p75)),
        h(
          'p',
          { class: 'muted small' },
          `p50 ${formatValue(metric, p.p50)} · p90 ${formatValue(metric, p.p90)} · p99 ${formatValue(metric, p.p99)}`,
        ),
        shareBar(r.good, r.needsImprovement, r.poor, r.count),
        h('p', { class: 'muted small' }, `${percent(r.good, r.count)} good · ${r.count} samples`),
      );
    }),
  );
}
