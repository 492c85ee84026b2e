/**
 * The calibration server of the crowd benchmark: a plain websocket relay that forwards every message
 * to the other sockets of the same room (the URL path), with no Yjs and no checks. What reaches a
 * socket in one turn of the event loop goes out as one frame (the messages back to back; each
 * y-websocket message is self-delimiting, and the probes read them in turn).
 * Started as its own process by bench/peers.ts on the port given as the first argument; says
 * "listening" once it accepts connections.
 *
 * Why: a server cannot do less than this. The probe clients run against it with the same scenario, and
 * the latency they measure there is the harness's own ceiling: a figure near it says nothing about the
 * server under test. Without the coalescing the relay itself would be the limit (300 people's cursors
 * are 450,000 messages a second to send), and would calibrate nothing.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.argv[2]);
const rooms = new Map<string, Set<WebSocket>>();
const pending = new Map<WebSocket, Buffer[]>();
let flushing = false;

function flush(): void {
  flushing = false;
  for (const [ws, parts] of pending) ws.send(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  pending.clear();
}
const server = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
server.on('connection', (ws, req) => {
  const name = (req.url ?? '/').split('?')[0]!;
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(ws);
  ws.on('message', (data: Buffer) => {
    for (const other of room) {
      if (other === ws) continue;
      const parts = pending.get(other);
      if (parts) parts.push(data);
      else pending.set(other, [data]);
    }
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  });
  ws.on('close', () => {
    room.delete(ws);
    pending.delete(ws);
    if (room.size === 0) rooms.delete(name);
  });
});
server.on('listening', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
