import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollector, type Collector, type CollectorOptions } from './createCollector.js';

/** Options of {@link createCollectorServer}. */
export interface CollectorServerOptions extends CollectorOptions {
  /** TCP port; 0 picks a free one. @default 8787 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
}

/** A running standalone collector. */
export interface CollectorServer {
  collector: Collector;
  server: Server;
  port: number;
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  close(): Promise<void>;
}

/** Starts the collector on its own node:http server (what `pronto-rum serve` runs). */
export async function createCollectorServer(options: CollectorServerOptions): Promise<CollectorServer> {
  const collector = await createCollector(options);
  const server = createServer((req, res) => {
    void collector.handle(req, res).then((handled) => {
      if (!handled) {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'application/json');
        res.end('{"error":"not found"}');
      }
    });
  });
  // Beacons are small and sent with keepalive; keep idle sockets a bit longer than browsers do.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    collector,
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await collector.close();
    },
  };
}
