import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Page parameters: ?count=1000000&mode=fixed|measured */
const params = new URLSearchParams(location.search);
export const count = Number(params.get('count') ?? 1000);
export const fixed = (params.get('mode') ?? 'fixed') === 'fixed';
/** Deterministic uneven heights (24..123 px) for the measured-size runs; estimate is 60 px. */
export const heightOf = (index: number) => 24 + ((index * 7919) % 100);

/** The same row for every contender: `data-row` marks it for the probes. */
export function Row({ index }: { index: number }): ReactNode {
  return (
    <div
      data-row={index}
      style={{
        height: fixed ? 30 : heightOf(index),
        boxSizing: 'border-box',
        borderBottom: '1px solid #ddd',
        padding: '4px 8px',
        background: '#fff',
      }}
    >
      Row {index}
    </div>
  );
}

interface BenchApi {
  mountMs?: number;
  scroll(pxPerFrame: number, frames: number): Promise<{ frameTimes: number[]; blank: number }>;
  /** Scrolls through phases of `[px per frame, frames]` back to back; frame times and blanks per phase,
   *  and the wall time of the whole scroll. */
  scrollPhases(
    phases: ReadonlyArray<readonly [number, number]>,
  ): Promise<{ phases: Array<{ frameTimes: number[]; blank: number }>; wallMs: number }>;
  reachEnd(): Promise<boolean>;
  domNodes(): number;
}
declare global {
  interface Window {
    bench: BenchApi;
  }
}

function findScroller(): HTMLElement {
  for (const element of document.querySelectorAll<HTMLElement>('#root *')) {
    const overflow = getComputedStyle(element).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && element.clientHeight > 0) return element;
  }
  throw new Error('no scroll container');
}

// A frame is blank when any of 7 points down the viewport is covered by no visible row. Geometry,
// not hit testing: some lists turn pointer-events off while scrolling.
function isBlank(scroller: HTMLElement): boolean {
  const box = scroller.getBoundingClientRect();
  const rows = [...scroller.querySelectorAll<HTMLElement>('[data-row]')]
    .map((row) => ({ row, rect: row.getBoundingClientRect() }))
    .filter(({ rect }) => rect.bottom > box.top && rect.top < box.bottom);
  for (let i = 0; i < 7; i++) {
    const y = box.top + 3 + (i * (scroller.clientHeight - 6)) / 6;
    const covered = rows.some(
      ({ row, rect }) => rect.top <= y && rect.bottom > y && getComputedStyle(row).visibility !== 'hidden',
    );
    if (!covered) return true;
  }
  return false;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Mounts `ui` and records the time until row 0 is in the DOM at an animation frame. */
export function mount(ui: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  window.bench = {
    async scroll(pxPerFrame, frames) {
      const { phases } = await window.bench.scrollPhases([[pxPerFrame, frames]]);
      return phases[0] ?? { frameTimes: [], blank: 0 };
    },
    async scrollPhases(plan) {
      const scroller = findScroller();
      // Each step scrolls from a task between frames, as input does, so the scroll event is
      // dispatched before the next frame's animation callbacks. The probe runs in a ResizeObserver
      // callback of that frame (after layout and all rAF callbacks, before paint): what is painted.
      const sentinel = document.createElement('div');
      sentinel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;pointer-events:none';
      document.body.append(sentinel);
      let probed: ((blank: boolean) => void) | null = null;
      const observer = new ResizeObserver(() => probed?.(isBlank(scroller)));
      observer.observe(sentinel);
      await nextFrame();
      let frameTimes: number[] = [];
      let running = true;
      let last = 0;
      const tick = (now: number) => {
        if (last) frameTimes.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const channel = new MessageChannel();
      const afterFrame = () =>
        new Promise<void>((resolve) => {
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        });
      const phases: Array<{ frameTimes: number[]; blank: number }> = [];
      const start = performance.now();
      for (const [pxPerFrame, frames] of plan) {
        frameTimes = [];
        let blank = 0;
        for (let i = 0; i < frames; i++) {
          await afterFrame();
          const result = new Promise<boolean>((resolve) => (probed = resolve));
          scroller.scrollTop += pxPerFrame;
          sentinel.style.width = `${(i % 2) + 2}px`;
          if (await result) blank++;
          probed = null;
        }
        phases.push({ frameTimes, blank });
      }
      const wallMs = performance.now() - start;
      running = false;
      observer.disconnect();
      sentinel.remove();
      return { phases, wallMs };
    },
    async reachEnd() {
      const scroller = findScroller();
      for (let attempt = 0; attempt < 5; attempt++) {
        scroller.scrollTop = scroller.scrollHeight;
        for (let f = 0; f < 5; f++) await nextFrame();
      }
      const last = document.querySelector(`[data-row="${count - 1}"]`);
      if (!last) return false;
      const rect = last.getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    },
    domNodes: () => document.getElementsByTagName('*').length,
  };
  const start = performance.now();
  createRoot(root).render(ui);
  const check = () => {
    if (document.querySelector('[data-row="0"]')) window.bench.mountMs = performance.now() - start;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
