// An open-loop load generator: request i is due at start + i / rate, whatever happened to the ones before it,
// the way independent browsers send beacons. Latency is counted from the due time, not the send time, so a
// stall in the collector (or in this generator) shows up in the percentiles instead of silently slowing the
// offered load (coordinated omission). autocannon's `overallRate` spaces requests per connection and sends
// them in bursts, which measures the burst more than the server; this keeps the offered load smooth.
//
// It speaks HTTP/1.1 over plain sockets (one request at a time per keep-alive connection, a new connection
// when none is free) because node:http's client costs several times more CPU per request, and on a 2-core
// machine the generator's CPU is taken from the collector it measures.
import { connect } from 'node:net';

/**
 * @param {object} options
 * @param {string} options.url  where to POST
 * @param {number} options.rate  requests per second
 * @param {number} options.seconds  how long to offer load (after the warm-up)
 * @param {(i: number) => string} options.body  the body of request i
 * @param {number} [options.maxSockets]  connections at most; a request due when all are busy waits for one,
 *   and that wait counts in its latency. @default 1000
 * @param {number} [options.initialSockets]  connections opened before the clock starts, so the first
 *   requests do not all pay for a handshake at once. @default 64
 * @param {number} [options.warmupSeconds]  load offered first at the same rate and left out of the figures:
 *   opening the connections and the JIT warming up are not what is measured. @default 1
 * @param {(i: number, ms: number) => void} [options.onLatency]  called with each measured request's latency, e.g.
 *   to see when during the run the slow ones happened. @default none
 */
export async function pacedLoad({
  url,
  rate,
  seconds,
  body,
  maxSockets = 1000,
  initialSockets = 64,
  warmupSeconds = 1,
  onLatency,
}) {
  const target = new URL(url);
  const head = `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: `;
  const warmup = Math.round(rate * warmupSeconds);
  const total = warmup + Math.round(rate * seconds);
  const latencies = new Float64Array(total - warmup);
  const counts = { ok: 0, non2xx: 0, errors: 0 };
  let answered = 0;
  let sent = 0;
  let maxLagMs = 0;
  let sockets = 0;
  let peakSockets = 0;
  const idle = [];
  const waiting = [];
  let start = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));

  const finish = (i, status) => {
    answered += 1;
    if (i >= warmup) {
      const ms = performance.now() - (start + (i * 1000) / rate);
      latencies[i - warmup] = ms;
      onLatency?.(i - warmup, ms);
      if (status === 0) counts.errors += 1;
      else if (status >= 200 && status < 300) counts.ok += 1;
      else counts.non2xx += 1;
    }
    if (answered === total) resolveDone();
  };

  const open = () => {
    sockets += 1;
    peakSockets = Math.max(peakSockets, sockets);
    const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    const conn = { socket, current: -1, buffer: Buffer.alloc(0) };
    socket.on('data', (chunk) => {
      conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
      const end = conn.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = conn.buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(header)?.[1] ?? 0);
      if (conn.buffer.length < end + 4 + length) return;
      conn.buffer = conn.buffer.subarray(end + 4 + length);
      const i = conn.current;
      conn.current = -1;
      finish(i, Number(header.slice(9, 12)));
      release(conn);
    });
    const fail = () => {
      if (conn.current >= 0) finish(conn.current, 0);
      conn.current = -1;
      sockets -= 1;
      const at = idle.indexOf(conn);
      if (at >= 0) idle.splice(at, 1);
    };
    socket.once('error', fail);
    socket.once('close', () => {
      if (conn.current >= 0 || idle.includes(conn)) fail();
    });
    return conn;
  };

  const write = (conn, i) => {
    const payload = body(i);
    conn.current = i;
    conn.socket.write(`${head}${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
  };

  const release = (conn) => {
    const next = waiting.shift();
    if (next !== undefined) write(conn, next);
    else idle.push(conn);
  };

  const send = (i) => {
    const conn = idle.pop() ?? (sockets < maxSockets ? open() : undefined);
    if (conn) write(conn, i);
    else waiting.push(i);
  };

  await Promise.all(
    Array.from({ length: Math.min(initialSockets, maxSockets) }, async () => {
      const conn = open();
      await new Promise((resolve, reject) => conn.socket.once('connect', resolve).once('error', reject));
      idle.push(conn);
    }),
  );
  start = performance.now();
  // A 1 ms tick sends everything that has come due; at 5,000/s that is about five requests per tick.
  const tick = () => {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - start) * rate) / 1000) + 1);
    if (due - sent > 1 && sent >= warmup) maxLagMs = Math.max(maxLagMs, now - (start + (sent * 1000) / rate));
    while (sent < due) send(sent++);
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
  await done;
  const elapsed = (performance.now() - start) / 1000 - warmupSeconds;
  for (const conn of idle) conn.socket.destroy();
  const sorted = latencies.sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    duration: elapsed,
    requests: total - warmup,
    ...counts,
    latency: { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] },
    /** Connections the run needed: rate x latency, so a stall in the collector shows here too. */
    sockets: peakSockets,
    /** How far the generator itself fell behind its schedule at worst: a large figure means the machine, not the
     *  collector, set the latency. */
    maxLagMs,
  };
}
