import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import type { Collector } from '@pronto/rum-collector';
import { createDemoStack } from '../../apps/demo/server/createDemoStack';

export const demoDist = fileURLToPath(new URL('../../apps/demo/dist', import.meta.url));
/** A second build of the same app with another build id: what "a new deploy" looks like. */
export const nextDemoDist = fileURLToPath(new URL('../../apps/demo/dist-next', import.meta.url));

/**
 * Runs before the API (fault injection): return true when it answered; resolve false later to hold a request
 * and then let it through.
 */
export type ApiInterceptor = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface DemoFixture {
  url: string;
  /** The RUM collector mounted at /rum (replaced by a new one after `restart`). */
  collector(): Collector;
  setDistDir(dir: string): void;
  /** Every API request the server saw, in order ("PUT /api/notes/abc"). */
  requests: string[];
  /** Every write (PUT, POST, DELETE) to the API, in order, with the Idempotency-Key it carried. */
  writes: ApiWrite[];
  /** Replaces the current fault injector; `null` lets every request through. */
  intercept(interceptor: ApiInterceptor | null): void;
  /** Stops the server (a crash or a deploy); `restart` brings it back on the same port and data. */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** One write request as the server received it. */
export interface ApiWrite {
  method: string;
  path: string;
  /** The `Idempotency-Key` header; undefined when the request had none. */
  idempotencyKey: string | undefined;
}

/** Each test gets its own demo server on 127.0.0.1, with its own data directory, stopped afterwards. */
export const test = base.extend<{ demo: DemoFixture }>({
  demo: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pronto-demo-e2e-'));
    const requests: string[] = [];
    const writes: ApiWrite[] = [];
    let interceptor: ApiInterceptor | null = null;
    let distDir = demoDist;
    const start = (port: number) =>
      createDemoStack({
        distDir,
        dataDir,
        port,
        host: '127.0.0.1',
        onApiRequest(req, res) {
          requests.push(`${req.method} ${req.url}`);
          if (req.method !== 'GET' && req.method !== 'HEAD') {
            const key = req.headers['idempotency-key'];
            writes.push({
              method: req.method ?? '',
              path: req.url ?? '',
              idempotencyKey: Array.isArray(key) ? key.join(',') : key,
            });
          }
          return interceptor ? interceptor(req, res) : false;
        },
      });
    let stack = await start(0);
    const port = stack.server.port;
    await use({
      url: stack.server.url,
      collector: () => stack.collector,
      requests,
      writes,
      setDistDir(dir) {
        distDir = dir;
        stack.server.setDistDir(dir);
      },
      intercept(next) {
        interceptor = next;
      },
      stop: () => stack.close(),
      async restart() {
        stack = await start(port);
      },
    });
    await stack.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
