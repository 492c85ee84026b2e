/**
 * Who is on the other end of a socket, and how many board sockets each address holds.
 *
 * Why: one misbehaving machine must not open sockets until the server runs out of memory or file
 * handles, yet a whole venue shares one NAT address, so the cap per address is high and counts every
 * socket from the moment its upgrade is asked for. Behind a reverse proxy every socket comes from the
 * proxy: its `X-Forwarded-For` is believed only when the socket comes from an address listed in
 * OLIFANT_TRUSTED_PROXIES (anyone else could write any address there). An IPv6 client counts by its
 * /64 network: one home or phone line is handed a whole /64, so one machine can speak from billions
 * of addresses, and a cap per single address would not hold it.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** Parses OLIFANT_TRUSTED_PROXIES: a comma-separated list of IP addresses; throws on anything else. */
export function parseTrustedProxies(value: string | undefined): readonly string[] {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((part) => {
    const text = part.trim();
    if (isIP(text) === 0) throw new Error(`"${text}" is not an IP address such as 127.0.0.1 or ::1`);
    return normalize(text);
  });
}

/** `1.2.3.4:5678` and `[::1]:5678` (some proxies add the port) without the port; `[::1]` unbracketed. */
function withoutPort(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4 ? v4[1]! : hop;
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail counts as two); null for anything else. */
function groupsOfV6(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  const bare = address.split('%')[0]!; // a zone (fe80::1%eth0) is not part of the address
  const parse = (part: string | undefined): number[] =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? v4Groups(g) : [parseInt(g, 16)])) : [];
  if (!bare.includes('::')) return parse(bare);
  const [head, tail] = bare.split('::');
  const front = parse(head);
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function v4Groups(v4: string): number[] {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  return [(a << 8) | b, (c << 8) | d];
}

/** `::ffff:10.0.0.7` (written any way) and `10.0.0.7` are the same IPv4 client. */
function normalize(address: string): string {
  const g = groupsOfV6(address);
  if (g && g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
  return address.toLowerCase();
}

/**
 * The client's address: the socket's peer, or, when the peer is a trusted proxy, the nearest address
 * in `X-Forwarded-For` that is not itself a trusted proxy (proxies append, so the right end is the
 * part a trusted hop wrote).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: readonly string[]): string {
  let address = normalize(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.includes(address)) return address;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = withoutPort(hops[i]!);
    if (isIP(hop) === 0) break; // junk: stop at the last hop we could read
    address = normalize(hop);
    if (!trustedProxies.includes(address)) break;
  }
  return address;
}

/**
 * The network an address counts under: an IPv4 address itself; for IPv6 its /64 prefix, written out
 * (`2001:db8:0:7::/64`), however the address was compressed.
 */
export function capGroup(address: string): string {
  const g = groupsOfV6(address);
  return g ? `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64` : address;
}

/** Open (and opening) board sockets per client address (per /64 for IPv6), under a cap. */
export class AddressCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts one more socket for `address` until `release` runs; false when the address is at the cap. */
  take(address: string): boolean {
    const group = capGroup(address);
    const count = this.counts.get(group) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(group, count + 1);
    return true;
  }

  release(address: string): void {
    const group = capGroup(address);
    const count = (this.counts.get(group) ?? 1) - 1;
    if (count <= 0) this.counts.delete(group);
    else this.counts.set(group, count);
  }

  /** How many sockets `address` (its /64, for IPv6) holds now. */
  held(address: string): number {
    return this.counts.get(capGroup(address)) ?? 0;
  }
}
