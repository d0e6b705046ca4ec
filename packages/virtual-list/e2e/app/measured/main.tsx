import { VirtualList } from '../../../src/index.js';
import { count, heightOf, exposeList, mount } from '../shared.js';

function Measured() {
  return (
    <VirtualList
      ref={exposeList}
      className="scroller"
      aria-label="Rows"
      count={count}
      estimateSize={60}
      itemClassName="row"
      renderItem={(index) => <div style={{ height: heightOf(index) - 9 }}>Row {index}</div>}
    />
  );
}

mount(<Measured />);
