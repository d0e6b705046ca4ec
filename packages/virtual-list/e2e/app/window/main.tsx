import { VirtualList } from '../../../src/index.js';
import { count, heightOf, exposeList, mount } from '../shared.js';

function WindowScroll() {
  return (
    <div>
      <div style={{ height: 200 }}>Header above the list</div>
      <VirtualList
        ref={exposeList}
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

mount(<WindowScroll />);
