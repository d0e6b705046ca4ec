import { expect, test, visibleRows } from './support/fixtures.js';

// The profile behind issue 14: every scroll frame re-rendered and restyled every row, three React commits a
// frame. Rows now keep their DOM while the list scrolls; only rows entering the window are written.
test('scrolling restyles no row already on screen, across the 64k px block step too', async ({ open }) => {
  const page = await open('fixed', 'count=100000');
  const touched = (from: number, steps: number, step: number) =>
    page.evaluate(
      async ([start, n, px]) => {
        const scroller = window.list?.element;
        if (!scroller) throw new Error('no scroller');
        scroller.scrollTop = start;
        await new Promise((resolve) => scroller.addEventListener('scrollend', resolve, { once: true }));
        const before = new Set(scroller.querySelectorAll('[role="listitem"]'));
        const styled = new Set<Node>();
        const observer = new MutationObserver((records) => {
          for (const record of records) if (record.attributeName === 'style') styled.add(record.target);
        });
        observer.observe(scroller, { attributes: true, subtree: true, attributeFilter: ['style'] });
        for (let i = 0; i < n; i++) {
          scroller.scrollTop += px;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        observer.disconnect();
        const kept = [...before].filter((row) => row.isConnected);
        return { kept: kept.length, restyled: kept.filter((row) => styled.has(row)).length };
      },
      [from, steps, step] as const,
    );
  // Within one block: rows that stay mounted are never restyled.
  const within = await touched(3000, 10, 7);
  expect(within.kept).toBeGreaterThan(5);
  expect(within.restyled).toBe(0);
  // Crossing a block boundary (65,536 px) moves the block once and re-places the rows in it: the observer sees
  // those writes (so the check above is not vacuous), and the rows still tile the viewport at 30 px each.
  const crossing = await touched(65_536 - 300, 10, 60);
  expect(crossing.kept).toBeGreaterThan(5);
  expect(crossing.restyled).toBeGreaterThan(0);
  const rows = await visibleRows(page);
  expect(rows.length).toBeGreaterThan(2);
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i]?.index).toBe((rows[i - 1]?.index ?? 0) + 1);
    expect(rows[i]?.top).toBeCloseTo(rows[i - 1]?.bottom ?? 0, 1);
  }
  expect(rows[0]?.text).toBe(`Row ${rows[0]?.index}`);
});
