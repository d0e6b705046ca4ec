import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** One request the server saw. */
export interface LoggedRequest {
  path: string;
  at: number;
  status: number;
  saveData: boolean;
}

/** The running test server. */
export interface TestServer {
  origin: string;
  /** Every request since the last `reset()`, in arrival order. */
  requests: LoggedRequest[];
  /** Requests whose path contains `part`. */
  requestsFor(part: string): LoggedRequest[];
  /** Clears the log and the failure counters. */
  reset(): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

// The demo's policy: no inline scripts or <style>, images from self, data: and blob:.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";

/**
 * Serves `root` on 127.0.0.1 with a free port. `/fail/<n>/<path>` answers 503 to the first `n`
 * requests for that URL, then serves `<path>`. Client-rendered pages get the demo's CSP header;
 * the pre-rendered `ssr-*.html` pages do not, since their server-rendered style attributes need it relaxed.
 */
export async function startServer(root: string): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  const failures = new Map<string, number>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = url.pathname === '/' ? '/index.html' : url.pathname;
    const log = (status: number) =>
      requests.push({ path: url.pathname, at: Date.now(), status, saveData: req.headers['save-data'] === 'on' });
    const fail = /^\/fail\/(\d+)(\/.*)$/.exec(file);
    if (fail) {
      const seen = (failures.get(url.pathname) ?? 0) + 1;
      failures.set(url.pathname, seen);
      if (seen <= Number(fail[1])) {
        log(503);
        res.writeHead(503, { 'Cache-Control': 'no-store' }).end('try again');
        return;
      }
      file = fail[2] ?? '';
    }
    const resolved = path.join(root, path.normalize(file));
    if (!resolved.startsWith(root)) {
      log(403);
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(resolved);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[path.extname(resolved)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      };
      if (resolved.endsWith('.html') && !path.basename(resolved).startsWith('ssr-')) headers['Content-Security-Policy'] = CSP;
      log(200);
      res.writeHead(200, headers).end(body);
    } catch {
      log(404);
      res.writeHead(404).end('not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestsFor: (part) => requests.filter((r) => r.path.includes(part)),
    reset() {
      requests.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
