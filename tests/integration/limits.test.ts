/**
 * Limits under load, against the real server: what the server holds for one client stays bounded.
 *
 * Why: a tablet whose Wi-Fi stalls (or a client that stops reading on purpose) must not make the
 * server buffer the whole room's traffic for it until memory runs out; the rest of the room carries on.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createNote, listNotes, ORIGIN } from '../../shared/index.ts';
import type { RunningServer } from '../../server/server.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { openRaw } from '../helpers/rawSocket.ts';
import { createBoard, startTestServer, tempDir, tokenOf } from '../helpers/server.ts';

const dir = tempDir();
let server: RunningServer | undefined;
const clients: TestClient[] = [];
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  dir.cleanup();
});

async function metric(name: string, label: string): Promise<number> {
  const text = await (await fetch(`${server!.localUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('limits', () => {
  it('a client that stops reading is cut off once what waits for it passes the cap; the others carry on', async () => {
    server = await startTestServer(dir.path, { maxBufferedBytes: 256 * 1024 });
    const board = await createBoard(server.localUrl, 'Stalled tablet');
    const token = tokenOf(board.links.participant);
    const stalled = await openRaw(`${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${token}`);
    // It stops reading: the kernel's buffers fill, then the server's.
    (stalled.ws as unknown as { _socket: Socket })._socket.pause();
    const writer = connectClient(server.localUrl, board.id, token);
    const reader = connectClient(server.localUrl, board.id, token);
    clients.push(writer, reader);
    await waitSynced(writer);
    await waitSynced(reader);
    // About 8 MB of notes, in updates well under the message size limit.
    const text = 'x'.repeat(2000);
    for (let batch = 0; batch < 40; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 100; i++) createNote(writer.doc, { text, x: i, y: batch, authorId: 'w' }, ORIGIN.local);
      });
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(() => listNotes(reader.doc).length === 4000, 'the reading client to get every note', 30_000);
    await expect.poll(() => metric('olifant_errors_total', 'kind="slow_reader"')).toBeGreaterThan(0);
  }, 60_000);

  it('a board larger than what may wait for one client still opens: a message is sent whole when nothing waits before it', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxBufferedBytes: 256 * 1024 });
    const board = await createBoard(server.localUrl, 'Large board');
    const token = tokenOf(board.links.participant);
    const writer = connectClient(server.localUrl, board.id, token);
    clients.push(writer);
    await waitSynced(writer);
    // About 2.4 MB of notes, each update well under the cap; the whole board is far over it.
    const text = 'x'.repeat(2000);
    for (let batch = 0; batch < 12; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 100; i++) createNote(writer.doc, { text, x: i, y: batch, authorId: 'w' }, ORIGIN.local);
      });
      await new Promise((r) => setTimeout(r, 10));
    }
    const probe = connectClient(server.localUrl, board.id, token);
    clients.push(probe);
    await waitFor(() => listNotes(probe.doc).length === 1200, 'the written notes on the server');
    probe.destroy();
    // A client that joins now needs the whole board in one answer.
    const late = connectClient(server.localUrl, board.id, token);
    clients.push(late);
    await waitFor(() => listNotes(late.doc).length === 1200, 'the late client to get the whole board', 10_000);
  }, 60_000);

  it('a client sending faster than its rate is slowed down in order, loses nothing, and does not hold up the others', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxMessagesPerSecond: 50 });
    const board = await createBoard(server.localUrl, 'Flood');
    const token = tokenOf(board.links.participant);
    const [flooder, other, reader] = [0, 1, 2].map(() => connectClient(server!.localUrl, board.id, token));
    clients.push(flooder!, other!, reader!);
    for (const c of [flooder!, other!, reader!]) await waitSynced(c);
    // 160 updates at once, each its own message: two seconds' worth pass at once, the rest at 50 a second.
    for (let i = 0; i < 160; i++) createNote(flooder!.doc, { text: `flood ${i}`, x: i, y: 0, authorId: 'flood' }, ORIGIN.local);
    const fromFlooder = () => listNotes(reader!.doc).filter((n) => n.authorId === 'flood').length;
    await waitFor(() => fromFlooder() >= 100, 'the first two seconds worth');
    expect(fromFlooder()).toBeLessThan(140);
    // Meanwhile another client's note reaches the reader at once.
    const sent = performance.now();
    const id = createNote(other!.doc, { text: 'not held up', x: 0, y: 500, authorId: 'other' }, ORIGIN.local);
    await waitFor(() => listNotes(reader!.doc).some((n) => n.id === id), "the other client's note", 2000);
    expect(performance.now() - sent).toBeLessThan(300);
    // Nothing the flooder sent is lost, and it all came through in order, on the same socket.
    await waitFor(() => fromFlooder() === 160, 'every flooded note', 10_000);
    expect(await (await fetch(`${server.localUrl}/metrics`)).text()).toMatch(/^olifant_throttled_total [1-9]/m);
  }, 30_000);

  it('a client that piles up more than two seconds of messages is closed with 1013, reconnects and loses nothing', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxMessagesPerSecond: 50 });
    const board = await createBoard(server.localUrl, 'Overflow');
    const token = tokenOf(board.links.participant);
    const [flooder, reader] = [0, 1].map(() => connectClient(server!.localUrl, board.id, token));
    clients.push(flooder!, reader!);
    const closes: number[] = [];
    flooder!.provider.on('connection-close', (event: CloseEvent | null) => event && closes.push(event.code));
    for (const c of [flooder!, reader!]) await waitSynced(c);
    for (let i = 0; i < 400; i++) createNote(flooder!.doc, { text: `flood ${i}`, x: i, y: 0, authorId: 'flood' }, ORIGIN.local);
    await waitFor(() => closes.includes(1013), 'the flooder to be told to try again later', 5000);
    await waitFor(() => listNotes(reader!.doc).length === 400, 'every note, after the reconnect', 10_000);
  }, 30_000);

  it('at the cap on open boards, an idle board makes room; when all are in use a new board is refused with 503', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxLoadedBoards: 2, unloadGraceMs: 60_000 });
    const url = (b: { id: string; links: { participant: string } }) => `${server!.localUrl.replace(/^http/, 'ws')}/ws/${b.id}?token=${tokenOf(b.links.participant)}`;
    const status = (b: { id: string; links: { participant: string } }) => openRaw(url(b)).then((c) => c, (err: { status: number; body: string }) => err);
    const [a, b, c] = [await createBoard(server.localUrl, 'A'), await createBoard(server.localUrl, 'B'), await createBoard(server.localUrl, 'C')];
    const onA = await status(a);
    const onB = await status(b);
    expect('ws' in onA && 'ws' in onB).toBe(true);
    // Both open boards are in use: a third is refused, and told why.
    const refused = await status(c);
    expect(refused).toMatchObject({ status: 503 });
    expect((refused as { body: string }).body).toContain('OLIFANT_MAX_LOADED_BOARDS');
    // HTTP reads of C still answer, from a copy that is not kept: no more boards are held.
    const info = await fetch(`${server.localUrl}/api/boards/${c.id}`, { headers: { Authorization: `Bearer ${tokenOf(c.links.participant)}` } });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { title: string }).title).toBe('C');
    expect(server.registry.size).toBe(2);
    // A leaves; its board waits out its grace period, idle. C's connection frees it and is served.
    (onA as { ws: { close(): void } }).ws.close();
    await waitFor(() => server!.registry.size === 2, 'A to be idle');
    await new Promise((r) => setTimeout(r, 100));
    const onC = await status(c);
    expect('ws' in onC).toBe(true);
    expect(server.registry.size).toBe(2);
    for (const open of [onB, onC]) (open as { ws: { close(): void } }).ws.close();
  });

  it('one address may hold only so many board sockets (429); behind a trusted proxy, X-Forwarded-For names the address', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxConnectionsPerIp: 2, trustedProxies: ['127.0.0.1'] });
    const board = await createBoard(server.localUrl, 'Crowded');
    const url = `${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const open = (from: string) => openRaw(url, undefined, { 'X-Forwarded-For': from }).then((c) => c, (err: { status: number; body: string }) => err);
    const first = await open('10.0.0.1');
    const second = await open('192.0.2.9, 10.0.0.1');
    expect('ws' in first && 'ws' in second).toBe(true);
    const third = await open('10.0.0.1');
    expect(third).toMatchObject({ status: 429 });
    expect((third as { body: string }).body).toContain('OLIFANT_MAX_CONNECTIONS_PER_IP');
    // Another table behind the same proxy is another address.
    const elsewhere = await open('10.0.0.2');
    expect('ws' in elsewhere).toBe(true);
    // A socket that closes gives its place back.
    (first as { ws: { close(): void } }).ws.close();
    await (first as { closed: Promise<unknown> }).closed;
    const again = async () => {
      const c = await open('10.0.0.1');
      if ('ws' in c) c.ws.close();
      return 'ws' in c;
    };
    await expect.poll(again).toBe(true);
    // An IPv6 machine counts by its /64: two addresses of one line fill it, another line is free.
    const v6 = [await open('2001:db8:0:7::1'), await open('2001:db8:0:7::beef')];
    expect(v6.every((c) => 'ws' in c)).toBe(true);
    expect(await open('2001:db8:0:7:ffff::2')).toMatchObject({ status: 429 });
    const otherLine = await open('2001:db8:0:8::1');
    expect('ws' in otherLine).toBe(true);
    for (const c of [second, elsewhere, ...v6, otherLine]) (c as { ws: { close(): void } }).ws.close();
  });

  it('X-Forwarded-For from an address that is not a trusted proxy is not believed', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxConnectionsPerIp: 1 });
    const board = await createBoard(server.localUrl, 'Spoofed');
    const url = `${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const first = await openRaw(url, undefined, { 'X-Forwarded-For': '10.0.0.1' });
    await expect(openRaw(url, undefined, { 'X-Forwarded-For': '10.0.0.2' })).rejects.toMatchObject({ status: 429 });
    first.ws.close();
  });

  it('a refused upgrade is closed by the server even when the client never closes its side, and gives its place back', async () => {
    await server?.close();
    server = await startTestServer(dir.path, { maxConnectionsPerIp: 1 });
    const board = await createBoard(server.localUrl, 'Half open');
    // A client that asks with a forged token and keeps its side of the socket open.
    const half = connect({ port: server.port, host: '127.0.0.1', allowHalfOpen: true });
    const answered = new Promise<void>((resolve) => half.on('end', () => resolve()));
    half.on('data', () => undefined);
    half.write(`GET /ws/${board.id}?token=forged HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${'a'.repeat(22)}==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    await answered;
    // Its place under the cap is free again: the one allowed socket opens.
    const url = `${server.localUrl.replace(/^http/, 'ws')}/ws/${board.id}?token=${tokenOf(board.links.participant)}`;
    const opens = async () => {
      const c = await openRaw(url).catch(() => undefined);
      c?.ws.close();
      return c !== undefined;
    };
    await expect.poll(opens, { timeout: 3000 }).toBe(true);
    half.destroy();
  });
});
