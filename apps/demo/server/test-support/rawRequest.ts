import { request, type IncomingHttpHeaders } from 'node:http';

/** A response as bytes, without any automatic decompression or path normalisation. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON. */
  json<T = Record<string, unknown>>(): T;
}

/** Options of {@link rawRequest}. */
export interface RawRequestOptions {
  method?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** Sends `path` exactly as given (no `..` collapsing, unlike fetch) to the server at `baseUrl`. */
export function rawRequest(
  baseUrl: string,
  path: string,
  { method = 'GET', headers = {}, body }: RawRequestOptions = {},
) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const buffer = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: buffer,
          json: <T>() => JSON.parse(buffer.toString('utf8')) as T,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A JSON write with the headers the API wants; override any of them. */
export function writeNote(
  baseUrl: string,
  method: 'PUT' | 'DELETE',
  noteId: string,
  key: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(baseUrl, `/api/notes/${noteId}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
