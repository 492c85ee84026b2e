/**
 * The websocket tunnel: a process that does not own a board passes the client's socket, byte for
 * byte, to the process that does.
 *
 * Why: a load balancer may send a client to any process (no sticky sessions), and browsers do not
 * follow redirects on a websocket upgrade. So the process the client reached opens a TCP connection to
 * the owner (its OLIFANT_NODE_URL), replays the upgrade request there with one header added, and then
 * copies bytes both ways until either side closes. The owner does the websocket handshake itself and
 * checks the link token itself, as if the client had come straight to it; the added header tells it
 * who the client is (its address, for the per-address limits), signed with the cluster's shared
 * secret so that nobody else can claim an address through it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { connect, isIP, type Socket } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** The header a tunnelling process adds: `<node id> <client address> <ms since epoch> <mac>`. */
export const TUNNEL_HEADER = 'x-olifant-tunnel';

/** How far a tunnel header's time may be from the owner's clock (covers skew and a slow connect). */
const TUNNEL_HEADER_MAX_AGE_MS = 60_000;

const macOf = (secret: Uint8Array, text: string) => createHmac('sha256', secret).update(`olifant-tunnel ${text}`).digest('base64url');

/** The header value that tells the owner who the client is. */
export function signTunnel(secret: Uint8Array, nodeId: string, clientAddress: string, now = Date.now()): string {
  const text = `${nodeId} ${clientAddress} ${now}`;
  return `${text} ${macOf(secret, text)}`;
}

/** Who a tunnelled upgrade comes from, when its header is signed with `secret` and fresh; else undefined. */
export function verifyTunnel(value: string | string[] | undefined, secret: Uint8Array, now = Date.now()): { nodeId: string; clientAddress: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split(' ');
  if (parts.length !== 4) return undefined;
  const [nodeId, clientAddress, at, mac] = parts as [string, string, string, string];
  const expected = Buffer.from(macOf(secret, `${nodeId} ${clientAddress} ${at}`));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (!Number.isFinite(Number(at)) || Math.abs(now - Number(at)) > TUNNEL_HEADER_MAX_AGE_MS) return undefined;
  if (isIP(clientAddress) === 0) return undefined;
  return { nodeId, clientAddress };
}

/** How a tunnel attempt ended before any byte of the owner's answer reached the client. */
export type TunnelOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Opens a connection to `owner` (an `http://host:port` URL), replays `req` with `header` added, and
 * joins the two sockets. Resolves once the owner accepted the TCP connection (`ok: true`; from then on
 * either side closing closes both) or could not be reached within `timeoutMs` (`ok: false`; the
 * client's socket is untouched, so the caller can answer it).
 */
export function tunnelUpgrade(req: IncomingMessage, client: Duplex, head: Buffer, owner: URL, header: string, timeoutMs = 2_000): Promise<TunnelOutcome> {
  return new Promise((resolve) => {
    const upstream: Socket = connect({ host: owner.hostname, port: Number(owner.port || 80), noDelay: true });
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      upstream.destroy();
      resolve({ ok: false, reason });
    };
    const timer = setTimeout(() => fail(`no answer from ${owner.host} within ${timeoutMs} ms`), timeoutMs);
    upstream.once('error', (err) => fail(err.message));
    upstream.once('connect', () => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      upstream.removeAllListeners('error');
      upstream.write(requestHead(req, header));
      if (head.length > 0) upstream.write(head);
      join(client, upstream);
      resolve({ ok: true });
    });
  });
}

/** The upgrade request as the client sent it, with our header in place of any it sent itself. */
function requestHead(req: IncomingMessage, header: string): string {
  let text = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n`;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === TUNNEL_HEADER) continue;
    text += `${raw[i]}: ${raw[i + 1]}\r\n`;
  }
  return `${text}${TUNNEL_HEADER}: ${header}\r\n\r\n`;
}

/** Copies bytes both ways; an error or close on either side ends both. */
function join(client: Duplex, upstream: Socket): void {
  const end = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', end);
  upstream.on('error', end);
  client.once('close', end);
  upstream.once('close', end);
  upstream.setKeepAlive(true, 10_000);
  client.pipe(upstream);
  upstream.pipe(client);
}
