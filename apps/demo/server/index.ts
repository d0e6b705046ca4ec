export { createDemoServer, type DemoServer, type DemoServerOptions, type MountedHandler } from './createDemoServer.js';
export { CATALOG_SIZE, type Item } from './catalog/Item.js';
export { itemById } from './catalog/itemById.js';
export { IMAGE_FORMATS, IMAGE_WIDTHS } from './catalog/createImageStore.js';
export type { Note } from './notes/Note.js';
export { createDemoStack, type DemoStack } from './createDemoStack.js';
