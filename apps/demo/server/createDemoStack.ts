import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCollector, type Collector } from '@pronto/rum-collector';
import { createDemoServer, type DemoServer, type DemoServerOptions } from './createDemoServer.js';
import { lockDirectory } from './notes/lockDirectory.js';

/** The demo server with the RUM collector mounted in the same process. */
export interface DemoStack {
  server: DemoServer;
  collector: Collector;
  /** Stops the server, then finishes the collector's pending writes. */
  close(): Promise<void>;
}

/**
 * What `npm start` runs: the app, its API, and the RUM collector (beacons at /rum/collect, dashboard at
 * /rum/, Prometheus metrics at /metrics), all on embedded storage inside `dataDir`.
 */
export async function createDemoStack(options: Omit<DemoServerOptions, 'handlers'>): Promise<DemoStack> {
  // The stack owns all of dataDir. Locked first, so that a second server stops here with our message, not on
  // DuckDB's own file lock (which the collector would meet before the notes' lock).
  await mkdir(options.dataDir, { recursive: true });
  const releaseLock = await lockDirectory(options.dataDir);
  let collector: Collector;
  try {
    collector = await createCollector({ dataDir: join(options.dataDir, 'rum'), basePath: '/rum' });
  } catch (error) {
    await releaseLock();
    throw error;
  }
  const server = await createDemoServer({ ...options, handlers: [collector.handle] }).catch(async (error: unknown) => {
    await collector.close();
    await releaseLock();
    throw error;
  });
  return {
    server,
    collector,
    async close() {
      await server.close();
      await collector.close();
      await releaseLock();
    },
  };
}
