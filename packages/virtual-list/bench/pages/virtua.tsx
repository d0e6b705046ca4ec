import { VList } from 'virtua';
import { count, fixed, mount, Row } from './common.js';

const data = { length: count };

mount(
  <VList style={{ height: 600, width: 400 }} data={data} itemSize={fixed ? 30 : 60}>
    {(_: unknown, index: number) => <Row key={index} index={index} />}
  </VList>,
);
