// Tiny inline-SVG charts for the audit report: no script, no external asset, readable without CSS.

/** Escapes text for HTML and SVG. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const GOOD = '#0c7d3f';
const WARN = '#b35c00';
const BAD = '#c5221f';

/** A Lighthouse-style score ring (0..1) with the score in the middle and the category below. */
export function scoreGauge(label: string, score: number | undefined, minimum?: number): string {
  const size = 72;
  const radius = 28;
  const circumference = 2 * Math.PI * radius;
  const value = score ?? 0;
  const color =
    score === undefined ? '#999' : minimum !== undefined && value < minimum ? BAD : value >= 0.9 ? GOOD : WARN;
  const dash = `${(value * circumference).toFixed(1)} ${circumference.toFixed(1)}`;
  const text = score === undefined ? '–' : String(Math.round(value * 100));
  return `<figure class="gauge"><svg width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(label)} ${text}">
<circle cx="36" cy="36" r="${radius}" fill="none" stroke="#e6e6e6" stroke-width="7"/>
<circle cx="36" cy="36" r="${radius}" fill="none" stroke="${color}" stroke-width="7" stroke-dasharray="${dash}" transform="rotate(-90 36 36)" stroke-linecap="round"/>
<text x="36" y="42" text-anchor="middle" font-size="18" font-weight="600" fill="${color}">${text}</text></svg>
<figcaption>${escapeHtml(label)}</figcaption></figure>`;
}

/**
 * Two horizontal bars, baseline (grey) over current (red when it regressed or misses its limit), with a dashed line at
 * the limit when there is one. All three share one scale so the eye compares lengths.
 */
export function comparisonBars({
  current,
  baseline,
  limit,
  regressed,
  width = 220,
}: {
  current: number;
  baseline?: number | undefined;
  limit?: number | undefined;
  regressed: boolean;
  width?: number;
}): string {
  const max = Math.max(current, baseline ?? 0, limit ?? 0) * 1.1 || 1;
  const x = (value: number) => ((value / max) * width).toFixed(1);
  const color = regressed ? BAD : GOOD;
  const parts = [];
  if (baseline !== undefined)
    parts.push(`<rect x="0" y="2" width="${x(baseline)}" height="7" fill="#b0b0b0"><title>baseline</title></rect>`);
  parts.push(`<rect x="0" y="11" width="${x(current)}" height="9" fill="${color}"><title>current</title></rect>`);
  if (limit !== undefined)
    parts.push(
      `<line x1="${x(limit)}" x2="${x(limit)}" y1="0" y2="22" stroke="#333" stroke-dasharray="3 2"><title>limit</title></line>`,
    );
  return `<svg width="${width}" height="22" viewBox="0 0 ${width} 22" role="img" aria-label="current vs baseline${limit !== undefined ? ' and limit' : ''}">${parts.join('')}</svg>`;
}
