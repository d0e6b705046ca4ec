import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeScrollOffset, observeViewportSize } from './observeScrollElement.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function scrollBox(top: number) {
  const element = document.createElement('div');
  Object.defineProperty(element, 'scrollTop', { value: top, writable: true });
  document.body.append(element);
  return element;
}

describe('observeScrollOffset', () => {
  it('reports each scroll event as scrolling and scrollend as the end', () => {
    // jsdom has no `onscrollend`; a browser that has it ends the scroll on the event, not on a timer.
    (window as unknown as { onscrollend: null }).onscrollend = null;
    const element = scrollBox(40);
    const calls: Array<[number, boolean]> = [];
    const stop = observeScrollOffset(element, { horizontal: false }, (offset, scrolling) =>
      calls.push([offset, scrolling]),
    );
    element.dispatchEvent(new Event('scroll'));
    element.scrollTop = 90;
    element.dispatchEvent(new Event('scroll'));
    element.dispatchEvent(new Event('scrollend'));
    stop();
    element.dispatchEvent(new Event('scroll'));
    expect(calls).toEqual([
      [40, true],
      [90, true],
      [90, false],
    ]);
    delete (window as unknown as { onscrollend?: null }).onscrollend;
  });

  it('ends the scroll after the reset delay where scrollend is missing', () => {
    vi.useFakeTimers();
    expect('onscrollend' in window).toBe(false);
    const element = scrollBox(10);
    const calls: Array<[number, boolean]> = [];
    const stop = observeScrollOffset(element, { horizontal: false, resetDelay: 100 }, (offset, scrolling) =>
      calls.push([offset, scrolling]),
    );
    element.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(60);
    element.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(60);
    expect(calls).toEqual([
      [10, true],
      [10, true],
    ]);
    vi.advanceTimersByTime(40);
    expect(calls.at(-1)).toEqual([10, false]);
    stop();
  });

  it('reads the window offset along the axis', () => {
    const calls: number[] = [];
    const stop = observeScrollOffset(window, { horizontal: true }, (offset) => calls.push(offset));
    Object.defineProperty(window, 'scrollX', { value: 250, configurable: true });
    window.dispatchEvent(new Event('scroll'));
    stop();
    expect(calls).toEqual([250]);
  });
});

describe('observeViewportSize', () => {
  it('reports the element inner size at once and on each ResizeObserver delivery, until stopped', () => {
    let callback: ResizeObserverCallback = () => {};
    const disconnect = vi.fn<() => void>();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: ResizeObserverCallback) {
          callback = cb;
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const element = scrollBox(0);
    // The inner box: a border or a scrollbar takes no room from the rows.
    let clientHeight = 800;
    Object.defineProperty(element, 'clientHeight', { get: () => clientHeight });
    const sizes: number[] = [];
    const stop = observeViewportSize(element, false, (size) => sizes.push(size));
    clientHeight = 500;
    callback([], {} as ResizeObserver);
    stop();
    expect(sizes).toEqual([800, 500]);
    expect(disconnect).toHaveBeenCalled();
  });

  it('follows the window size through resize events', () => {
    const before = window.innerHeight;
    const sizes: number[] = [];
    const stop = observeViewportSize(window, false, (size) => sizes.push(size));
    Object.defineProperty(window, 'innerHeight', { value: 321, configurable: true });
    window.dispatchEvent(new Event('resize'));
    stop();
    window.dispatchEvent(new Event('resize'));
    expect(sizes).toEqual([before, 321]);
  });
});
