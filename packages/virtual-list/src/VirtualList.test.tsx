import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList, type VirtualListHandle } from './VirtualList.js';

// jsdom has no layout: the viewport is what `initialViewportSize` says until measured (0 here),
// so these tests cover markup, ARIA, SSR and the handle; scrolling is covered in e2e/.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('<VirtualList>', () => {
  it('renders a labelled list of positioned listitems with set size and position', () => {
    render(
      <VirtualList
        aria-label="Catalog"
        count={100_000}
        itemSize={30}
        initialViewportSize={300}
        overscan={2}
        renderItem={(i) => `Item ${i}`}
      />,
    );
    const list = screen.getByRole('list', { name: 'Catalog' });
    const items = screen.getAllByRole('listitem');
    expect(list).toBeTruthy();
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.getAttribute('aria-setsize')).toBe('100000');
    expect(items[0]?.getAttribute('aria-posinset')).toBe('1');
    expect(items[0]?.tabIndex).toBe(0);
    expect(items[1]?.tabIndex).toBe(-1);
    expect(list.style.height).toBe('3000000px');
  });

  it('renders a grid with row count and row indexes for tables', () => {
    render(
      <VirtualList
        role="grid"
        aria-label="Orders"
        count={500}
        itemSize={30}
        initialViewportSize={90}
        overscan={0}
        renderItem={(i) => <div role="gridcell">Order {i}</div>}
      />,
    );
    expect(screen.getByRole('grid', { name: 'Orders' }).getAttribute('aria-rowcount')).toBe('500');
    const rows = screen.getAllByRole('row');
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).toEqual(rows.map((_, i) => String(i + 1)));
    expect(screen.getAllByRole('gridcell')).toHaveLength(rows.length);
    expect(rows[0]?.hasAttribute('aria-setsize')).toBe(false);
  });

  it('server-renders the initial window and hydrates it without a mismatch', async () => {
    const ui = (
      <VirtualList
        aria-label="Rows"
        count={1000}
        itemSize={30}
        initialViewportSize={300}
        overscan={0}
        renderItem={(i) => `Row ${i}`}
      />
    );
    const html = renderToString(ui);
    // 300 px / 30 px = rows 0..9.
    expect(html).toContain('Row 9');
    expect(html).not.toContain('Row 10<');
    expect(html).toContain('aria-setsize="1000"');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable: unknown[] = [];
    await act(async () => {
      hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) });
    });
    expect(recoverable).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
    container.remove();
  });

  it('exposes an imperative handle with a restorable snapshot', () => {
    const ref = createRef<VirtualListHandle>();
    const { unmount } = render(<VirtualList ref={ref} count={50} estimateSize={20} renderItem={(i) => `Row ${i}`} />);
    expect(ref.current?.getSnapshot()).toMatchObject({ offset: 0, count: 50, focusIndex: 0 });
    expect(ref.current?.element).toBeInstanceOf(HTMLDivElement);
    unmount();
    render(
      <VirtualList
        count={50}
        estimateSize={20}
        initialSnapshot={{ offset: 0, count: 50, measurements: [3, 77], focusIndex: 3 }}
        renderItem={(i) => `Row ${i}`}
      />,
    );
    expect(screen.getByText('Row 3').tabIndex).toBe(0);
  });

  it('keeps the roving-focus row rendered and moves it with the keyboard', async () => {
    render(
      <VirtualList count={1000} itemSize={30} initialViewportSize={300} overscan={0} renderItem={(i) => `Row ${i}`} />,
    );
    const first = screen.getByText('Row 0');
    first.focus();
    await act(async () => {
      first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    });
    const last = screen.getByText('Row 999');
    expect(document.activeElement).toBe(last);
    expect(last.tabIndex).toBe(0);
    await act(async () => {
      last.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true, cancelable: true }));
    });
    expect(document.activeElement).toBe(screen.getByText('Row 998'));
  });

  it('activates the focused row with Enter', async () => {
    const onItemActivate = vi.fn<(index: number) => void>();
    render(
      <VirtualList
        count={10}
        itemSize={30}
        initialViewportSize={300}
        onItemActivate={onItemActivate}
        renderItem={(i) => `Row ${i}`}
      />,
    );
    const row = screen.getByText('Row 0');
    row.focus();
    await act(async () => {
      row.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    });
    const next = screen.getByText('Row 1');
    await act(async () => {
      next.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(onItemActivate).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('fires onEndReached for a list shorter than its viewport only once the viewport is known', () => {
    const onEndReached = vi.fn<(count: number) => void>();
    render(<VirtualList count={2} itemSize={30} onEndReached={onEndReached} renderItem={(i) => `Row ${i}`} />);
    // jsdom reports a 0 px viewport: nothing is known to be visible, so nothing fires.
    expect(onEndReached).not.toHaveBeenCalled();
  });

  it('never renders an index past a shrunk count', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `Item ${i}`);
    const renderItem = (i: number) => {
      const item = items[i];
      if (item === undefined) throw new Error(`renderItem(${i}) past the end`);
      return item;
    };
    const { rerender } = render(
      <VirtualList
        count={1000}
        itemSize={30}
        initialViewportSize={600}
        initialOffset={29_000}
        renderItem={renderItem}
      />,
    );
    items.length = 3;
    rerender(<VirtualList count={3} itemSize={30} initialViewportSize={600} renderItem={renderItem} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('rejects a negative count with a clear error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<VirtualList count={-1} itemSize={30} renderItem={() => null} />)).toThrow(
      /count must be a non-negative integer/,
    );
  });
});
