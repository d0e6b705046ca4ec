import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../../test-utils/serveStatic.js';
import type { RunningSite } from '../server/startDemoServer.js';

// Only the gate tests load this, from source (Vitest): the audits build compiles it, but nothing runs it from dist/.
const siteDir = fileURLToPath(new URL('../../fixtures/site/', import.meta.url));

/**
 * Serves audits/fixtures/site (pages that are deliberately worse in one way each) on 127.0.0.1 and a free port.
 * `<!--#head-->` in a page is replaced by the shared head.html, so each page differs only in its one flaw.
 */
export async function startFixtureSite(): Promise<RunningSite> {
  const head = await readFile(join(siteDir, 'head.html'), 'utf8');
  const server = await serveStatic(siteDir, {
    index: 'good.html',
    // head.html is a part of the pages, not a page.
    onRequest(_req, res, path) {
      if (basename(path) !== 'head.html') return false;
      res.writeHead(404).end();
      return true;
    },
    headers: () => ({ 'Cache-Control': 'no-cache' }),
    transform: (body, file) => (extname(file) === '.html' ? body.toString('utf8').replace('<!--#head-->', head) : body),
  });
  return { url: `${server.url}/`, close: () => server.close() };
}
