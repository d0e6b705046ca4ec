import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody, type BodyResult } from './readBody.js';

/** A server that hands each request's readBody outcome to the test, and the raw socket to write a request on. */
async function withServer(limit: number) {
  const outcomes: Promise<BodyResult>[] = [];
  let arrived!: () => void;
  const firstArrival = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req: IncomingMessage, res) => {
    const outcome = readBody(req, limit);
    outcomes.push(outcome);
    arrived();
    outcome.then(
      (r) => res.writeHead(r.ok ? 204 : 413).end(),
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return { port, outcomes, firstArrival };
}
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const send = (port: number, text: string) => {
  const socket = connect(port, '127.0.0.1');
  socket.write(text);
  return socket;
};

describe('readBody', () => {
  it('returns the bytes of a body sent in several chunks', async () => {
    const { port, outcomes, firstArrival } = await withServer(100);
    const socket = send(port, 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n');
    await firstArrival;
    socket.end('2\r\nde\r\n0\r\n\r\n');
    const result = await outcomes[0]!;
    expect(result.ok && result.body.toString()).toBe('abcde');
  });

  it('stops at the limit while streaming, and refuses a declared length over it before reading', async () => {
    const { port, outcomes, firstArrival } = await withServer(4);
    send(port, 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n');
    await firstArrival;
    expect(await outcomes[0]).toEqual({ ok: false, tooLarge: true });
    const declared = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x'.repeat(5) });
    expect(declared.status).toBe(413);
  });

  it('rejects, instead of waiting forever, when the client leaves in the middle of the body', async () => {
    const { port, outcomes, firstArrival } = await withServer(100);
    const socket = send(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nonly part');
    await firstArrival;
    socket.destroy();
    await expect(outcomes[0]).rejects.toThrow(/aborted|closed before its body ended/);
  });
});
