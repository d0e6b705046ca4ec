import { useState } from 'react';
import { VirtualList } from '../../../src/index.js';
import { heightOf, exposeList, mount } from '../shared.js';

function Chat() {
  const [ids, setIds] = useState(() => Array.from({ length: 50 }, (_, i) => 1000 + i));
  return (
    <>
      <button
        type="button"
        onClick={() =>
          setIds((current) => [...Array.from({ length: 20 }, (_, i) => (current[0] ?? 0) - 20 + i), ...current])
        }
      >
        Load older
      </button>
      <button type="button" onClick={() => setIds((current) => [...current, (current.at(-1) ?? 0) + 1])}>
        New message
      </button>
      <VirtualList
        ref={exposeList}
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

mount(<Chat />);
