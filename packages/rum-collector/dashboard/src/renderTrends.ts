import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { VitalName } from '../../src/index.js';
import type { Summary } from './api.js';
import { fill, h } from './dom.js';
import { formatTimeTick, formatValue } from './format.js';

const VITALS: VitalName[] = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'];
const BAND = { good: 'rgba(12, 206, 107, 0.12)', ni: 'rgba(255, 164, 0, 0.14)', poor: 'rgba(255, 78, 66, 0.12)' };
/** Colour of the p75 line; the e2e screenshot check looks for it. */
export const LINE_COLOR = '#2a5bd7';

let charts: uPlot[] = [];

/** Fills the plot area with the good / needs-improvement / poor bands before the series is drawn. */
function thresholdBands(good: number, poor: number): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (u) => {
        const { ctx } = u;
        const { left, top, width, height } = u.bbox;
        const y = (v: number) => Math.min(top + height, Math.max(top, u.valToPos(v, 'y', true)));
        ctx.save();
        for (const [from, to, color] of [
          [0, good, BAND.good],
          [good, poor, BAND.ni],
          [poor, Number.MAX_VALUE, BAND.poor],
        ] as const) {
          const y1 = y(from);
          const y2 = y(Math.min(to, u.scales['y']?.max ?? to));
          ctx.fillStyle = color;
          ctx.fillRect(left, y2, width, y1 - y2);
        }
        ctx.restore();
      },
    },
  };
}

/** One uPlot line chart of p75 per vital, with threshold bands. */
export function renderTrends(el: HTMLElement, s: Summary): void {
  for (const c of charts) c.destroy();
  charts = [];
  fill(el);
  for (const metric of VITALS) {
    const rows = s.trend.filter((r) => r.metric === metric);
    const box = h('figure', { class: 'trend', attrs: { 'data-metric': metric } }, h('figcaption', {}, metric));
    el.append(box);
    if (rows.length === 0) {
      box.append(h('p', { class: 'muted' }, 'No samples'));
      continue;
    }
    const t = s.thresholds[metric];
    const max = Math.max(t.poor * 1.25, ...rows.map((r) => r.p75 * 1.1));
    const data: uPlot.AlignedData = [rows.map((r) => r.bucketStart / 1000), rows.map((r) => r.p75)];
    // The x axis spans the selected window, not the samples: uPlot pads a lone sample's range by years otherwise.
    const to = (s.to ?? s.generatedAt) / 1000;
    const from =
      s.from !== undefined ? s.from / 1000 : Math.min(to - s.bucketMs / 1000, ...rows.map((r) => r.bucketStart / 1000));
    const spanMs = (to - from) * 1000;
    // The canvas is invisible to screen readers (and to tests): the labels it drew are also written as text.
    const axisText = h('p', { class: 'visually-hidden', attrs: { 'data-axis': 'x' } });
    box.append(axisText);
    let xLabels: string[] = [];
    const chart = new uPlot(
      {
        // The grid sizes the figure; the chart fills it (minus the figure's padding).
        width: Math.max(260, box.clientWidth - 16),
        height: 180,
        plugins: [thresholdBands(t.good, t.poor)],
        scales: { x: { time: true, range: [from, to] }, y: { range: [0, max] } },
        axes: [
          { values: (_u, ticks) => (xLabels = ticks.map((v) => formatTimeTick(v, spanMs))) },
          { size: 60, values: (_u, ticks) => ticks.map((v) => formatValue(metric, v)) },
        ],
        hooks: { draw: [() => void (axisText.textContent = `Time axis: ${xLabels.join(', ')}`)] },
        series: [
          {},
          {
            label: `${metric} p75`,
            stroke: LINE_COLOR,
            width: 2,
            points: { show: rows.length < 40 },
            value: (_u, v) => (v == null ? '-' : formatValue(metric, v)),
          },
        ],
        legend: { show: true },
      },
      data,
      box,
    );
    charts.push(chart);
  }
}
