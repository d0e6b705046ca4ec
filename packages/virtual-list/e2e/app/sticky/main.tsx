import { VirtualList } from '../../../src/index.js';
import { count, exposeList, mount } from '../shared.js';

const groupSize = 10;
const stickyIndexes = Array.from({ length: Math.ceil(count / groupSize) }, (_, g) => g * groupSize);

function Sticky() {
  return (
    <VirtualList
      ref={exposeList}
      className="scroller"
      aria-label="Grouped rows"
      count={count}
      itemSize={30}
      stickyIndexes={stickyIndexes}
      renderItem={(index) =>
        index % groupSize === 0 ? (
          <div className="header">Group {index / groupSize}</div>
        ) : (
          <div className="row" style={{ height: 30 }}>
            Row {index}
          </div>
        )
      }
    />
  );
}

mount(<Sticky />);
