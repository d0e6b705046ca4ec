import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** Content types by file extension; anything else is served as `application/octet-stream`. */
export declare const MIME_TYPES: Readonly<Record<string, string>>;

/** One request the server saw, logged on arrival; `status` is filled in when the response has been sent. */
export interface ServedRequest {
  method: string;
  /** The URL's pathname as requested (still %-encoded), e.g. `/assets/app-1a2b.js`. */
  path: string;
  /** 0 until the response is sent. */
  status: number;
  /** `Date.now()` on arrival. */
  at: number;
  headers: IncomingHttpHeaders;
}

export interface ServeStaticOptions {
  /**
   * Runs first for every request, for routes a test adds (an API, injected failures). Resolve `true` when it
   * has answered; anything else lets the file be served.
   */
  onRequest?: (req: IncomingMessage, res: ServerResponse, path: string) => boolean | void | Promise<boolean | void>;
  /** Maps the URL path to the path of the file to serve, e.g. dropping a prefix a test route added. */
  rewrite?: (path: string) => string;
  /**
   * The file served for `/` and for any path ending in `/`.
   * @default 'index.html'
   */
  index?: string;
  /** The file (relative to the root) served, with 200, for a path with no file, as a single-page app's host does. Without it such paths get 404. */
  fallback?: string;
  /** Extra response headers for a served file (absolute path), e.g. `Cache-Control` or a CSP for HTML. */
  headers?: (file: string) => Record<string, string>;
  /** Rewrites a file's body before it is sent. */
  transform?: (body: Buffer, file: string) => string | Buffer | Promise<string | Buffer>;
  /**
   * The port on 127.0.0.1; 0 picks a free one. Pass a closed server's `port` to bring it back on the same URL.
   * @default 0
   */
  port?: number;
}

export interface StaticServer {
  /** The origin, without a trailing slash: `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Every request, in arrival order; empty it with `requests.length = 0`. */
  requests: ServedRequest[];
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

/**
 * The absolute path of `urlPath` (a URL pathname, %-encoded) inside `root`, or `undefined` when it is
 * malformed or would leave `root` (`..`, encoded or not).
 */
export declare function resolveInside(root: string, urlPath: string): string | undefined;

/**
 * Serves the files under `root` on 127.0.0.1 (GET and HEAD; other methods get 405) until `close()`. A path
 * outside the root gets 403, a missing file 404 (or `options.fallback`).
 */
export declare function serveStatic(root: string, options?: ServeStaticOptions): Promise<StaticServer>;
