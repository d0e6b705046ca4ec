import { isIP } from 'node:net';

/**
 * The client's address, as Express's numeric `trust proxy` reads it. The request passed through `trustedHops`
 * proxies of our own, each of which appended the address it received the request from to X-Forwarded-For; the
 * socket peer is the last of them. So the client is the `trustedHops`-th address from the right of
 * `[...X-Forwarded-For, socket peer]`. Everything left of it was written by the client itself, and is ignored:
 * a left-most "client address" is free for anyone to forge (issue 13).
 *
 * With fewer entries than hops (a request that reached us around a proxy), the left-most entry is used. An entry
 * that is not an IP address cannot be where a request came from, so the nearest trusted address stands in for it.
 */
export function clientAddress(
  forwardedFor: string | readonly string[] | undefined,
  socketAddress: string | undefined,
  trustedHops: number,
): string {
  const peer = socketAddress ?? 'unknown';
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const forwarded = (typeof forwardedFor === 'string' ? forwardedFor : forwardedFor.join(','))
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Right to left: index 0 is the socket peer, index i the address the i-th proxy from us appended.
  const chain = [peer, ...forwarded.toReversed()];
  let address = peer;
  for (let hop = 1; hop <= Math.min(trustedHops, chain.length - 1); hop++) {
    const candidate = withoutPort(chain[hop]!);
    if (isIP(candidate) === 0) break;
    address = candidate;
  }
  return address;
}

/** Some proxies append `ip:port` or `[ipv6]:port`. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4WithPort ? v4WithPort[1]! : entry;
}
