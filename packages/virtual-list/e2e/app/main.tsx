import { StrictMode, useRef, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { VirtualList, type VirtualListHandle, type VirtualListSnapshot } from '../../src/index.js';
import { SsrList } from './SsrList.js';

// One page per scenario, chosen by ?scenario=; the handle is exposed as window.list for the specs.
const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'fixed';
const count = Number(params.get('count') ?? 1000);

declare global {
  interface Window {
    list: VirtualListHandle | null;
    endReached: number[];
  }
}
window.endReached = [];

/** Deterministic uneven heights, 24..123 px, so measured lists differ from their estimate. */
const heightOf = (index: number) => 24 + ((index * 7919) % 100);

function Fixed() {
  return (
    <VirtualList
      ref={(handle) => {
        window.list = handle;
      }}
      className="scroller"
      aria-label="Rows"
      count={count}
      itemSize={30}
      itemClassName="row"
      renderItem={(index) => `Row ${index}`}
    />
  );
}

function Measured() {
  return (
    <VirtualList
      ref={(handle) => {
        window.list = handle;
      }}
      className="scroller"
      aria-label="Rows"
      count={count}
      estimateSize={60}
      itemClassName="row"
      renderItem={(index) => <div style={{ height: heightOf(index) - 9 }}>Row {index}</div>}
    />
  );
}

const groupSize = 10;
const stickyIndexes = Array.from({ length: Math.ceil(count / groupSize) }, (_, g) => g * groupSize);

function Sticky() {
  return (
    <VirtualList
      ref={(handle) => {
        window.list = handle;
      }}
      className="scroller"
      aria-label="Grouped rows"
      count={count}
      itemSize={30}
      stickyIndexes={stickyIndexes}
      renderItem={(index) =>
        index % groupSize === 0 ? <div className="header">Group {index / groupSize}</div> : <div className="row" style={{ height: 30 }}>Row {index}</div>
      }
    />
  );
}

function Chat() {
  const [ids, setIds] = useState(() => Array.from({ length: 50 }, (_, i) => 1000 + i));
  return (
    <>
      <button type="button" onClick={() => setIds((current) => [...Array.from({ length: 20 }, (_, i) => (current[0] ?? 0) - 20 + i), ...current])}>
        Load older
      </button>
      <button type="button" onClick={() => setIds((current) => [...current, (current.at(-1) ?? 0) + 1])}>
        New message
      </button>
      <VirtualList
        ref={(handle) => {
          window.list = handle;
        }}
        className="scroller"
        aria-label="Messages"
        reverse
        count={ids.length}
        estimateSize={50}
        getItemKey={(index) => ids[index] ?? index}
        itemClassName="row"
        renderItem={(index) => <div style={{ height: heightOf(ids[index] ?? 0) - 9 }}>Message {ids[index]}</div>}
      />
    </>
  );
}

function EndReached() {
  const [total, setTotal] = useState(3);
  return (
    <VirtualList
      className="scroller"
      aria-label="Rows"
      count={total}
      itemSize={30}
      itemClassName="row"
      onEndReached={(reached) => {
        window.endReached.push(reached);
        // Loads two pages, then the feed is exhausted.
        if (reached < 9) setTimeout(() => setTotal(reached + 3), 10);
      }}
      renderItem={(index) => `Row ${index}`}
    />
  );
}

// Two "routes" with the History API: the list and an item page. The snapshot lives in
// history.state, as a router would keep it.
function Restore() {
  const [item, setItem] = useState<number | null>(null);
  const list = useRef<VirtualListHandle | null>(null);
  const [snapshot] = useState<VirtualListSnapshot | undefined>(() => (history.state as { snapshot?: VirtualListSnapshot } | null)?.snapshot);
  const [restored, setRestored] = useState(snapshot);
  if (item !== null) {
    return (
      <div>
        <h1>Item {item}</h1>
        <button
          type="button"
          onClick={() => {
            setRestored((history.state as { snapshot?: VirtualListSnapshot } | null)?.snapshot);
            setItem(null);
          }}
        >
          Back
        </button>
      </div>
    );
  }
  return (
    <VirtualList
      ref={(handle) => {
        list.current = handle;
        window.list = handle;
      }}
      className="scroller"
      aria-label="Catalog"
      count={count}
      estimateSize={60}
      initialSnapshot={restored}
      itemClassName="row"
      renderItem={(index) => (
        <button
          type="button"
          style={{ height: heightOf(index) - 9, display: 'block' }}
          tabIndex={-1}
          onClick={() => {
            const current = list.current?.getSnapshot();
            history.replaceState({ snapshot: current }, '');
            setItem(index);
          }}
        >
          Item {index}
        </button>
      )}
    />
  );
}

function WindowScroll() {
  return (
    <div>
      <div style={{ height: 200 }}>Header above the list</div>
      <VirtualList
        ref={(handle) => {
          window.list = handle;
        }}
        useWindowScroll
        aria-label="Rows"
        count={count}
        estimateSize={60}
        itemClassName="row"
        renderItem={(index) => <div style={{ height: heightOf(index) - 9 }}>Row {index}</div>}
      />
    </div>
  );
}

function Horizontal() {
  return (
    <VirtualList
      ref={(handle) => {
        window.list = handle;
      }}
      horizontal
      className="scroller"
      style={{ width: 600, height: 120 }}
      aria-label="Columns"
      count={count}
      estimateSize={80}
      itemClassName="row"
      renderItem={(index) => <div style={{ width: heightOf(index) + 20, height: '100%' }}>Col {index}</div>}
    />
  );
}

const scenarios: Record<string, () => React.JSX.Element> = {
  horizontal: Horizontal,
  fixed: Fixed,
  measured: Measured,
  sticky: Sticky,
  chat: Chat,
  'end-reached': EndReached,
  restore: Restore,
  window: WindowScroll,
};
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
if (scenario === 'ssr') {
  // The spec served this page with server-rendered markup in #root.
  hydrateRoot(
    root,
    <StrictMode>
      <SsrList />
    </StrictMode>,
  );
} else {
  const Scenario = scenarios[scenario];
  if (!Scenario) throw new Error(`unknown scenario ${scenario}`);
  createRoot(root).render(
    <StrictMode>
      <Scenario />
    </StrictMode>,
  );
}
