import { VirtualList } from '../../src/index.js';

/** Rendered to HTML by the spec in Node, then hydrated by the page: the same tree on both sides. */
export function SsrList() {
  return (
    <VirtualList
      ref={(handle) => {
        window.list = handle;
      }}
      className="scroller"
      aria-label="Server rows"
      count={1000}
      itemSize={30}
      initialViewportSize={600}
      itemClassName="row"
      renderItem={(index) => `Row ${index}`}
    />
  );
}
