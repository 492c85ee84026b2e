/**
 * The fuzzer's load process: `concurrency` loops, each opening a board socket (participant, projector
 * or facilitator link), sending a run of fuzzed frames, and opening the next when the server closes
 * it; one connection in 40 speaks raw TCP and breaks the websocket framing itself. It runs until the
 * parent says `stop`, then prints one line of JSON with what it sent.
 *
 * Why: a process of its own, so generating and sending frames does not slow the server (another
 * process) or the healthy client's clock (the parent's).
 */
import * as prng from 'lib0/prng';
import { WebSocket } from 'ws';
import { frameSource, type FrameKind } from './fuzzFrames.ts';
import { BAD_FRAMES, sendRawFrames } from './rawFrames.ts';

export interface FuzzLoadConfig {
  readonly port: number;
  readonly boardId: string;
  readonly tokens: { readonly participant: string; readonly projector: string; readonly facilitator: string };
  readonly seed: number;
  readonly concurrency: number;
  readonly maxPayload: number;
}

export interface FuzzLoadResult {
  readonly sent: Record<FrameKind | 'raw', number>;
  readonly connections: number;
  readonly refused: number;
}

const config = JSON.parse(process.argv[2]!) as FuzzLoadConfig;
const sent: Record<FrameKind | 'raw', number> = { valid: 0, mutated: 0, truncated: 0, random: 0, messageType: 0, text: 0, oversized: 0, raw: 0 };
let connections = 0;
let refused = 0;
let stopping = false;
process.on('message', (m) => {
  if (m === 'stop') stopping = true;
});

const rawKinds = Object.keys(BAD_FRAMES);

async function loop(index: number): Promise<void> {
  const gen = prng.create(config.seed * 1000 + index);
  const next = frameSource(config.seed * 1000 + index, config.maxPayload + 1);
  const path = (token: string) => `/ws/${config.boardId}?token=${token}`;
  while (!stopping) {
    const roll = prng.uint32(gen, 0, 99);
    const token = roll < 70 ? config.tokens.participant : roll < 85 ? config.tokens.projector : config.tokens.facilitator;
    connections++;
    if (prng.uint32(gen, 0, 39) === 0) {
      const kind = prng.oneOf(gen, rawKinds);
      const valid = next().data;
      const ok = await sendRawFrames(config.port, path(token), (v) => BAD_FRAMES[kind]!(gen, v, config.maxPayload), typeof valid === 'string' ? new Uint8Array(1) : valid, 500);
      if (ok) sent.raw++;
      else refused++;
      continue;
    }
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${config.port}${path(token)}`);
      ws.on('error', () => undefined);
      ws.on('unexpected-response', () => {
        refused++;
        resolve();
      });
      ws.on('close', () => resolve());
      ws.on('open', () => {
        // A run of frames; the server usually closes the socket at the first bad one.
        const count = prng.uint32(gen, 1, 40);
        for (let i = 0; i < count && ws.readyState === ws.OPEN; i++) {
          const frame = next();
          sent[frame.kind]++;
          ws.send(frame.data);
        }
        setTimeout(() => ws.close(), 20);
      });
    });
  }
}

await Promise.all(Array.from({ length: config.concurrency }, (_, i) => loop(i)));
const result: FuzzLoadResult = { sent, connections, refused };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
