export { VirtualList } from './VirtualList.js';
export type { VirtualListHandle, VirtualListProps, VirtualListSnapshot } from './VirtualList.js';
export { useVirtualList } from './useVirtualList.js';
export type { UseVirtualListOptions, VirtualItem, VirtualListInstance } from './useVirtualList.js';
export { createVirtualizer } from './core/createVirtualizer.js';
export type {
  ScrollAlign,
  ScrollBehavior,
  ScrollSnapshot,
  ScrollToOptions,
  Virtualizer,
  VirtualizerOptions,
  VirtualState,
  VisibleRange,
} from './core/createVirtualizer.js';
export { attachScrollElement } from './core/attachScrollElement.js';
export type { AttachOptions } from './core/attachScrollElement.js';
export { createSizeModel } from './core/createSizeModel.js';
export type { SizeModel, SizeModelOptions } from './core/createSizeModel.js';
export { createScrollScale } from './core/createScrollScale.js';
export type { ScrollScale } from './core/createScrollScale.js';
export { detectMaxScrollSize } from './core/detectMaxScrollSize.js';
