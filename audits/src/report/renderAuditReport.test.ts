import { describe, expect, it } from 'vitest';
import { renderAuditReport } from './renderAuditReport.js';

describe('renderAuditReport', () => {
  it('puts each figure next to its baseline with an inline chart, and lists the problems first', () => {
    const html = renderAuditReport({
      generatedAt: '2026-01-01T00:00:00.000Z',
      failures: ['size:chunk:entry.js regressed by 900 B <script>'],
      figures: [{ id: 'size:chunk:entry.js', kind: 'bytes', value: 4900 }],
      baseline: {
        updatedAt: '2025-12-31T00:00:00.000Z',
        note: '',
        figures: { 'size:chunk:entry.js': { kind: 'bytes', value: 4000 } },
      },
      comparisons: [
        {
          id: 'size:chunk:entry.js',
          kind: 'bytes',
          baseline: 4000,
          current: 4900,
          worseBy: 900,
          allowed: 300,
          regressed: true,
        },
      ],
      lighthouseRuns: [],
      vitalsLimits: {},
      sizes: { budgets: [] },
      machine: '2 cores',
    });
    expect(html).toContain('<td>4900 B</td><td>4000 B</td><td>+900 B</td>');
    expect(html).toContain('<svg');
    expect(html).toContain('regressed by 900 B &#60;script&#62;');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('says that nothing was compared when there is no baseline yet', () => {
    const html = renderAuditReport({
      generatedAt: '',
      failures: [],
      figures: [],
      comparisons: [],
      lighthouseRuns: [],
      vitalsLimits: {},
      machine: '',
    });
    expect(html).toContain('No baseline yet, so no figure was compared');
    expect(html).not.toContain('no figure regressed');
  });
});
