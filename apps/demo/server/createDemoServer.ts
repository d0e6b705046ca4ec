import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiHandler } from './api/createApiHandler.js';
import { createImageStore } from './catalog/createImageStore.js';
import { HttpError } from './http/HttpError.js';
import { setSecurityHeaders } from './http/securityHeaders.js';
import { sendError } from './http/sendJson.js';
import { createNoteStore } from './notes/createNoteStore.js';
import { createStaticHandler } from './static/createStaticHandler.js';

// How long close() waits for requests in flight before cutting their connections.
const CLOSE_GRACE_MS = 2000;

/** A handler mounted in front of the demo's routes; resolves true when it has answered the request. */
export type MountedHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Options of {@link createDemoServer}. */
export interface DemoServerOptions {
  /** The built app (Vite's outDir): static files and the SPA's index.html. Required. */
  distDir: string;
  /** Where notes, idempotency records and rendered images are kept; created if missing. Required. */
  dataDir: string;
  /** TCP port; 0 picks a free one. @default Number(process.env.PORT ?? 4173) */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Handlers tried first, in order, e.g. the RUM collector at /rum. @default [] */
  handlers?: readonly MountedHandler[];
  /**
   * Called before each /api request; return (or resolve) true when it has answered, e.g. to inject a 5xx or a
   * delay in a test. Security headers are already set.
   */
  onApiRequest?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Compress every static file in the background at start and on setDistDir, so first visits get brotli at once. @default true */
  precompress?: boolean;
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  /** Stops accepting requests, ends open connections and closes the stores. */
  close(): Promise<void>;
  /** Serves another build from the next request on (a deploy while pages are open). */
  setDistDir(dir: string): void;
}

/** Starts the demo's one Node process: static app, catalog and notes API, mounted handlers. */
export async function createDemoServer({
  distDir,
  dataDir,
  port = Number(process.env.PORT ?? 4173),
  host = '127.0.0.1',
  handlers = [],
  onApiRequest,
  precompress = true,
}: DemoServerOptions): Promise<DemoServer> {
  const notes = await createNoteStore(join(dataDir, 'notes'));
  const images = await createImageStore(join(dataDir, 'images')).catch(async (error: unknown) => {
    await notes.close();
    throw error;
  });
  const api = createApiHandler({ notes, images });
  const serveStatic = createStaticHandler(distDir);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    for (const handler of handlers) if (await handler(req, res)) return;
    const url = parseRequestUrl(req.url);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (onApiRequest && (await onApiRequest(req, res))) return;
      await api(req, res, url);
      return;
    }
    await serveStatic(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answerError(req, res, error));
  });
  // A client that vanishes mid-request must never take the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await notes.close();
    throw error;
  });
  const { port: actualPort } = server.address() as AddressInfo;
  const warm = (): void => {
    if (precompress) void serveStatic.warm().catch(() => undefined);
  };
  warm();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`,
    port: actualPort,
    setDistDir(dir) {
      serveStatic.setRoot(dir);
      warm();
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
          // Requests in flight get a moment to finish; a write cut off here is safe anyway (its key replays).
          setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
        });
        // A render whose request was cut off still writes its file: let it, before anyone removes the data folder.
        await images.settle();
        await notes.close();
      })();
      return closing;
    },
  };
}

/** Origin-form (`/path`) or absolute-form (`http://host/path`, RFC 9112 §3.2.2) request targets. */
function parseRequestUrl(target: string | undefined): URL {
  try {
    // Prefixing keeps `//host/path` a path on this server instead of a URL of another host.
    if (target?.startsWith('/')) return new URL(`http://localhost${target}`);
    if (target && /^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    // Falls through to the 400.
  }
  throw new HttpError(400, 'Request target must be a path or an http(s) URL');
}

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const isApi = req.url?.startsWith('/api') ?? false;
  if (error instanceof HttpError) {
    if (isApi || error.status === 405) {
      void sendError(req, res, error.status, error.message, error.headers).catch(() => res.destroy());
      return;
    }
    res.writeHead(error.status, { 'Content-Type': 'text/plain; charset=utf-8', ...error.headers });
    res.end(`${error.message}\n`);
    return;
  }
  console.error(`${req.method} ${req.url} failed:`, error);
  void sendError(req, res, 500, 'Internal server error').catch(() => res.destroy());
}
