/**
 * The calibration server of the crowd benchmark: a plain websocket relay that does the least any
 * server of this product must do for the crowd scenario, with no Yjs and no checks. A board change
 * (y-websocket message 0) goes to every other socket of the room (the URL path); a presence message
 * (message 1) goes only to the other sockets at the sender's table (the `place` of its presence state),
 * and a facilitator's to everyone. What reaches a socket in one turn of the event loop goes out as one
 * frame (the messages back to back; each y-websocket message is self-delimiting, and the probes read
 * them in turn). Started as its own process by bench/peers.ts on the port given as the first argument;
 * says "listening" once it accepts connections.
 *
 * Why: the probe clients run against it with the same scenario, and the latency they measure there is
 * the harness's own ceiling: a figure near it says nothing about the server under test. A relay that
 * did more than the product must (every cursor to every device: 1,500 cursor messages a second to 299
 * sockets each at 300 people) would measure itself, not the harness. A socket's table is read once,
 * from the first presence message it sends (one JSON parse per device, nothing per message after it),
 * as a real server learns it; the probes open the same URL against every server, so nothing in it
 * could name the table without the probes behaving differently here than against Olifant.
 */
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';

const AWARENESS = 1;
/** Where a socket stands once its first presence message has been read. */
interface Seat {
  place: string;
  facilitator: boolean;
}
interface Room {
  all: Set<WebSocket>;
  /** The sockets of each table, by the `place` of their presence; a socket with no place is in none. */
  places: Map<string, Set<WebSocket>>;
}

const port = Number(process.argv[2]);
const rooms = new Map<string, Room>();
const seats = new Map<WebSocket, Seat | null>();
const pending = new Map<WebSocket, Buffer[]>();
let flushing = false;

function flush(): void {
  flushing = false;
  for (const [ws, parts] of pending) ws.send(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  pending.clear();
}

function queue(to: Iterable<WebSocket>, from: WebSocket, data: Buffer): void {
  for (const other of to) {
    if (other === from) continue;
    const parts = pending.get(other);
    if (parts) parts.push(data);
    else pending.set(other, [data]);
  }
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
}

/** The place and role in the first state of a presence message (null when it names no place). */
function seatOf(data: Buffer): Seat | null {
  try {
    const d = decoding.createDecoder(data);
    decoding.readVarUint(d); // message type
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
    if (decoding.readVarUint(inner) < 1) return null;
    decoding.readVarUint(inner); // client ID
    decoding.readVarUint(inner); // clock
    const state = JSON.parse(decoding.readVarString(inner)) as { place?: unknown; user?: { role?: unknown } } | null;
    const facilitator = state?.user?.role === 'facilitator';
    if (typeof state?.place !== 'string' && !facilitator) return null;
    return { place: typeof state?.place === 'string' ? state.place : '', facilitator };
  } catch {
    return null;
  }
}

function seat(room: Room, ws: WebSocket, data: Buffer): Seat | null {
  let s = seats.get(ws);
  if (s !== undefined) return s;
  s = seatOf(data);
  seats.set(ws, s);
  if (s?.place) {
    const table = room.places.get(s.place) ?? new Set<WebSocket>();
    room.places.set(s.place, table);
    table.add(ws);
  }
  return s;
}

const server = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
server.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0]!;
  const room = rooms.get(name) ?? { all: new Set<WebSocket>(), places: new Map<string, Set<WebSocket>>() };
  rooms.set(name, room);
  room.all.add(ws);
  ws.on('message', (data: Buffer) => {
    if (data[0] !== AWARENESS) return queue(room.all, ws, data);
    const s = seat(room, ws, data);
    if (s?.facilitator) queue(room.all, ws, data);
    else if (s) queue(room.places.get(s.place) ?? [], ws, data);
  });
  ws.on('close', () => {
    room.all.delete(ws);
    const s = seats.get(ws);
    if (s?.place) room.places.get(s.place)?.delete(ws);
    seats.delete(ws);
    pending.delete(ws);
    if (room.all.size === 0) rooms.delete(name);
  });
});
server.on('listening', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => {
  for (const ws of server.clients) ws.terminate();
  server.close(() => process.exit(0));
});
