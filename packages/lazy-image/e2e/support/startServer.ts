import path from 'node:path';
import { serveStatic, type ServedRequest } from '../../../../test-utils/serveStatic.js';

/** The running test server. */
export interface TestServer {
  origin: string;
  /** Every request since the last `reset()`, in arrival order. */
  requests: ServedRequest[];
  /** Requests whose path contains `part`. */
  requestsFor(part: string): ServedRequest[];
  /** Clears the log and the failure counters. */
  reset(): void;
  close(): Promise<void>;
}

// The demo's policy: no inline scripts or <style>, images from self, data: and blob:.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
const FAIL = /^\/fail\/(\d+)(\/.*)$/;

/**
 * Serves `root` on 127.0.0.1 with a free port. `/fail/<n>/<path>` answers 503 to the first `n`
 * requests for that URL, then serves `<path>`. Client-rendered pages get the demo's CSP header;
 * the pre-rendered `ssr-*.html` pages do not, since their server-rendered style attributes need it relaxed.
 */
export async function startServer(root: string): Promise<TestServer> {
  const failures = new Map<string, number>();
  const server = await serveStatic(root, {
    onRequest(_req, res, url) {
      const fail = FAIL.exec(url);
      if (!fail) return false;
      const seen = (failures.get(url) ?? 0) + 1;
      failures.set(url, seen);
      if (seen > Number(fail[1])) return false;
      res.writeHead(503, { 'Cache-Control': 'no-store' }).end('try again');
      return true;
    },
    rewrite: (url) => url.replace(FAIL, '$2'),
    headers: (file) => ({
      'Cache-Control': 'no-cache',
      ...(file.endsWith('.html') && !path.basename(file).startsWith('ssr-') ? { 'Content-Security-Policy': CSP } : {}),
    }),
  });
  return {
    origin: server.url,
    requests: server.requests,
    requestsFor: (part) => server.requests.filter((r) => r.path.includes(part)),
    reset() {
      server.requests.length = 0;
      failures.clear();
    },
    close: () => server.close(),
  };
}
