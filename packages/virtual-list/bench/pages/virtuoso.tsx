import { Virtuoso } from 'react-virtuoso';
import { count, fixed, mount, Row } from './common.js';

mount(
  <Virtuoso
    style={{ height: 600, width: 400 }}
    totalCount={count}
    {...(fixed ? { fixedItemHeight: 30 } : { defaultItemHeight: 60 })}
    itemContent={(index) => <Row index={index} />}
  />,
);
