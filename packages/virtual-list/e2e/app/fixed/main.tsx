import { VirtualList } from '../../../src/index.js';
import { count, exposeList, mount } from '../shared.js';

function Fixed() {
  return (
    <VirtualList
      ref={exposeList}
      className="scroller"
      aria-label="Rows"
      count={count}
      itemSize={30}
      itemClassName="row"
      renderItem={(index) => `Row ${index}`}
    />
  );
}

mount(<Fixed />);
