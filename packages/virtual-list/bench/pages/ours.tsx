import { createRef, Profiler } from 'react';
import { VirtualList, type VirtualListHandle } from '../../src/index.js';
import { count, fixed, mount, Row } from './common.js';

// `?profile` (bench/profile.mjs, which builds with React's profiling build): counts React commits, rows rendered
// and ResizeObserver deliveries to the list's rows. Off in the benchmark, so it costs nothing there.
const counters = { commits: 0, rowRenders: 0, rowResizeCallbacks: 0 };
const handle = createRef<VirtualListHandle>();
// The range and version after each commit, to see why a scroll event commits more than once.
const commitLog: string[] = [];
const profiling = new URLSearchParams(location.search).has('profile');
declare global {
  interface Window {
    profileCounters: { reset(): void; read(): typeof counters; log(): string[] };
  }
}
window.profileCounters = {
  reset: () => Object.assign(counters, { commits: 0, rowRenders: 0, rowResizeCallbacks: 0 }),
  read: () => ({ ...counters }),
  log: () => commitLog.splice(0),
};
if (profiling) {
  const Native = window.ResizeObserver;
  window.ResizeObserver = class extends Native {
    constructor(callback: ResizeObserverCallback) {
      super((entries, observer) => {
        if (entries.some((entry) => entry.target instanceof HTMLElement && entry.target.dataset.index !== undefined))
          counters.rowResizeCallbacks++;
        callback(entries, observer);
      });
    }
  };
}

const list = (
  <VirtualList
    ref={handle}
    style={{ height: 600, width: 400 }}
    count={count}
    {...(fixed ? { itemSize: 30 } : { estimateSize: 60 })}
    renderItem={(index) => {
      counters.rowRenders++;
      return <Row index={index} />;
    }}
  />
);
mount(
  profiling ? (
    <Profiler
      id="list"
      onRender={() => {
        counters.commits++;
        const s = handle.current?.getState();
        if (s)
          commitLog.push(
            `${s.renderStart}-${s.renderEnd} v${s.version} o${Math.round(s.offset)} ${s.isScrolling ? 'scrolling' : ''}`,
          );
      }}
    >
      {list}
    </Profiler>
  ) : (
    list
  ),
);
