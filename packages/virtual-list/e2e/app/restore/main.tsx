import { useRef, useState } from 'react';
import { VirtualList, type VirtualListHandle, type VirtualListSnapshot } from '../../../src/index.js';
import { count, heightOf, mount } from '../shared.js';

// Two "routes" with the History API: the list and an item page. The snapshot lives in
// history.state, as a router would keep it.
function Restore() {
  const [item, setItem] = useState<number | null>(null);
  const list = useRef<VirtualListHandle | null>(null);
  const [snapshot] = useState<VirtualListSnapshot | undefined>(
    () => (history.state as { snapshot?: VirtualListSnapshot } | null)?.snapshot,
  );
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

mount(<Restore />);
