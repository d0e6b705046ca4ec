import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { count, fixed, mount, Row } from './common.js';

function App() {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => (fixed ? 30 : 60),
  });
  return (
    <div ref={parent} style={{ height: 600, width: 400, overflow: 'auto', contain: 'strict' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={fixed ? undefined : virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
          >
            <Row index={item.index} />
          </div>
        ))}
      </div>
    </div>
  );
}
mount(<App />);
