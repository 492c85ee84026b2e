/**
 * The websocket tunnel between processes: bytes pass both ways unchanged, the owner learns the
 * client's address only from a header signed with the shared secret, and an owner that cannot be
 * reached leaves the client's socket for the caller to answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { signTunnel, TUNNEL_HEADER, tunnelUpgrade, verifyTunnel, type TunnelOutcome } from '../../server/cluster/tunnel.ts';
import { freePort } from '../helpers/server.ts';

const secret = new TextEncoder().encode('a-shared-secret-of-the-cluster-0123456789');
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** An owner that echoes each message with the address its tunnel header proves (or `unproven`). */
async function startOwner(seen: string[]): Promise<number> {
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer();
  http.on('upgrade', (req, socket, head) => {
    const from = verifyTunnel(req.headers[TUNNEL_HEADER], secret);
    seen.push(from?.clientAddress ?? 'unproven');
    wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(`${from?.clientAddress ?? 'unproven'}|${data}`)));
  });
  return listen(http);
}

/** An entry process that tunnels every upgrade to `ownerPort`; outcomes are collected. */
async function startEntry(ownerPort: number, outcomes: TunnelOutcome[]): Promise<number> {
  const http = createServer();
  http.on('upgrade', (req, socket, head) => {
    void tunnelUpgrade(req, socket, head, new URL(`http://127.0.0.1:${ownerPort}`), signTunnel(secret, 'node-a', '203.0.113.9'), 500).then((outcome) => {
      outcomes.push(outcome);
      if (!outcome.ok) socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    });
  });
  return listen(http);
}

function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const nextMessage = (ws: WebSocket) => new Promise<string>((r) => ws.once('message', (d) => r(String(d))));

describe('websocket tunnel', () => {
  it('carries messages both ways and tells the owner the signed client address', async () => {
    const seen: string[] = [];
    const outcomes: TunnelOutcome[] = [];
    const entry = await startEntry(await startOwner(seen), outcomes);
    const ws = await open(`ws://127.0.0.1:${entry}/ws/board?token=t`);
    const big = 'x'.repeat(200_000);
    const echoed = nextMessage(ws);
    ws.send(big);
    expect(await echoed).toBe(`203.0.113.9|${big}`);
    expect(seen).toEqual(['203.0.113.9']);
    expect(outcomes).toEqual([{ ok: true }]);
    ws.close();
  });

  it('replaces a tunnel header the client sent itself', async () => {
    const seen: string[] = [];
    const entry = await startEntry(await startOwner(seen), []);
    const forged = signTunnel(new TextEncoder().encode('not-the-cluster-secret-at-all-0123456789'), 'node-x', '198.51.100.1');
    const ws = await open(`ws://127.0.0.1:${entry}/ws/board`, { [TUNNEL_HEADER]: forged });
    expect(seen).toEqual(['203.0.113.9']);
    ws.close();
  });

  it('gives no address for a header signed with another secret, altered, or stale', () => {
    const now = Date.now();
    const good = signTunnel(secret, 'node-a', '2001:db8::7', now);
    expect(verifyTunnel(good, secret, now)).toEqual({ nodeId: 'node-a', clientAddress: '2001:db8::7' });
    expect(verifyTunnel(good, new TextEncoder().encode('another-secret-0123456789-0123456789'), now)).toBeUndefined();
    expect(verifyTunnel(good.replace('2001:db8::7', '2001:db8::8'), secret, now)).toBeUndefined();
    expect(verifyTunnel(good, secret, now + 120_000)).toBeUndefined();
    expect(verifyTunnel(signTunnel(secret, 'node-a', 'not-an-address', now), secret, now)).toBeUndefined();
    expect(verifyTunnel(undefined, secret, now)).toBeUndefined();
  });

  it('reports an owner that cannot be reached, leaving the client to be answered', async () => {
    const outcomes: TunnelOutcome[] = [];
    const entry = await startEntry(await freePort(), outcomes);
    await expect(open(`ws://127.0.0.1:${entry}/ws/board`)).rejects.toThrow(/503/);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.ok).toBe(false);
  });

  it('closes the owner side when the client goes, and the client side when the owner goes', async () => {
    const owners: WebSocket[] = [];
    const wss = new WebSocketServer({ noServer: true });
    const http = createServer();
    http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => owners.push(ws)));
    const entry = await startEntry(await listen(http), []);
    const first = await open(`ws://127.0.0.1:${entry}/ws/a`);
    await expect.poll(() => owners.length).toBe(1);
    const ownerClosed = new Promise((r) => owners[0]!.once('close', r));
    first.terminate();
    await ownerClosed;
    const second = await open(`ws://127.0.0.1:${entry}/ws/b`);
    await expect.poll(() => owners.length).toBe(2);
    const clientClosed = new Promise((r) => second.once('close', r));
    owners[1]!.terminate();
    await clientClosed;
  });
});
