import { useState } from 'react';
import { VirtualList } from '../../../src/index.js';
import { mount } from '../shared.js';

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

mount(<EndReached />);
