import { join } from 'node:path';
import { createCollector, type Collector } from '@pronto/rum-collector';
import { createDemoServer, type DemoServer, type DemoServerOptions } from './createDemoServer.js';

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
  const collector = await createCollector({ dataDir: join(options.dataDir, 'rum'), basePath: '/rum' });
  const server = await createDemoServer({ ...options, handlers: [collector.handle] }).catch(async (error: unknown) => {
    await collector.close();
    throw error;
  });
  return {
    server,
    collector,
    async close() {
      await server.close();
      await collector.close();
    },
  };
}
