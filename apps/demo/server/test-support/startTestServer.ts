import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDemoServer, type DemoServer, type DemoServerOptions } from '../createDemoServer.js';

/** A temporary directory removed by the returned function. */
export async function makeTempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `pronto-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Writes files (path relative to `root` -> content) and returns `root`. */
export async function writeFiles(root: string, files: Readonly<Record<string, string | Buffer>>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return root;
}

/** A big enough script that brotli and gzip both shrink it. */
export const APP_SCRIPT = `export function render(){${'document.body.append("Pronto catalog row");'.repeat(80)}}\n`;

/** A tiny fake Vite build: what the static tests serve. */
export const FAKE_DIST: Readonly<Record<string, string>> = {
  'index.html':
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body>shell</body></html>',
  'assets/index-abc123.js': APP_SCRIPT,
  'assets/index-def456.css': `body{margin:0}${'.row{display:flex}'.repeat(60)}`,
  'sw.js': 'self.addEventListener("fetch",()=>{});',
  'manifest.webmanifest': '{"name":"Pronto"}',
  'robots.txt': 'User-agent: *\nAllow: /\n',
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'offline.html': '<!doctype html><p>offline</p>',
  '.vite/manifest.json': '{}',
  'route-preloads.json': JSON.stringify({
    routes: [{ path: '/items/:id', shell: 'shells/route-1.html', files: ['assets/ItemPage-ghi789.js'] }],
  }),
  'shells/route-1.html':
    '<!doctype html><html><head><link rel="modulepreload" crossorigin href="/assets/ItemPage-ghi789.js"></head><body>shell</body></html>',
  'assets/ItemPage-ghi789.js': 'export default 1;',
};

/** A started server on a free port with fresh dist and data directories, and how to stop it all. */
export interface TestServer {
  server: DemoServer;
  distDir: string;
  dataDir: string;
  /** Closes the server and removes the directories. */
  stop(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 with the fake build and a fresh data directory. */
export async function startTestServer(options: Partial<DemoServerOptions> = {}): Promise<TestServer> {
  const temp = await makeTempDir('server');
  const distDir = options.distDir ?? (await writeFiles(join(temp.path, 'dist'), FAKE_DIST));
  const dataDir = options.dataDir ?? join(temp.path, 'data');
  const server = await createDemoServer({ port: 0, precompress: false, ...options, distDir, dataDir });
  return {
    server,
    distDir,
    dataDir,
    async stop() {
      await server.close();
      await temp.remove();
    },
  };
}
