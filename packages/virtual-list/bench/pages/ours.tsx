import { VirtualList } from '../../src/index.js';
import { count, fixed, mount, Row } from './common.js';

mount(
  <VirtualList
    style={{ height: 600, width: 400 }}
    count={count}
    {...(fixed ? { itemSize: 30 } : { estimateSize: 60 })}
    renderItem={(index) => <Row index={index} />}
  />,
);
