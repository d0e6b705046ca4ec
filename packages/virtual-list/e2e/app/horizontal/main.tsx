import { VirtualList } from '../../../src/index.js';
import { count, heightOf, exposeList, mount } from '../shared.js';

function Horizontal() {
  return (
    <VirtualList
      ref={exposeList}
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

mount(<Horizontal />);
