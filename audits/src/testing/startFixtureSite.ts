import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSite } from '../server/startDemoServer.js';

const siteDir = fileURLToPath(new URL('../../fixtures/site/', import.meta.url));
const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

/**
 * Serves audits/fixtures/site (pages that are deliberately worse in one way each) on 127.0.0.1 and a free port.
 * `<!--#head-->` in a page is replaced by the shared head.html, so each page differs only in its one flaw.
 */
export async function startFixtureSite(): Promise<RunningSite> {
  const head = await readFile(join(siteDir, 'head.html'), 'utf8');
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(siteDir, path === '/' ? 'good.html' : path);
    if (!file.startsWith(siteDir) || file.endsWith('head.html')) {
      res.writeHead(404).end();
      return;
    }
    try {
      let body: string | Buffer = await readFile(file);
      if (extname(file) === '.html') body = body.toString('utf8').replace('<!--#head-->', head);
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
