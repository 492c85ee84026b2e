/**
 * Test helper: a crowd of simulated people who only have presence. Each is one websocket speaking
 * y-protocols awareness (its own state: name, colour, cursor, place), with no board document: the
 * server's sync messages are read past, not applied.
 *
 * Why: a browser test of a 120-person room cannot run 120 pages or 120 full Yjs clients next to
 * Chromium on two cores; presence is all a screen is sent of people, so presence is all they need.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS } from '../../shared/index.ts';

/** One simulated person's presence. */
export interface CrowdPerson {
  readonly awareness: awarenessProtocol.Awareness;
  /** Changes this person's state (e.g. `{ place }` or `{ cursor }`) and sends it. */
  set(fields: Record<string, unknown>): void;
  close(): void;
}

/** Opens `count` people on `boardId` with `token`; `placeOf(i)` and `cursorOf(i)` say where each works. */
export async function joinCrowd(
  httpUrl: string,
  boardId: string,
  token: string,
  count: number,
  placeOf: (i: number) => string | null,
  cursorOf: (i: number) => { x: number; y: number } | null,
): Promise<CrowdPerson[]> {
  const people = Array.from({ length: count }, (_, i) => openPerson(httpUrl, boardId, token, `Person ${i + 1}`, placeOf(i), cursorOf(i)));
  return Promise.all(people);
}

function openPerson(httpUrl: string, boardId: string, token: string, name: string, place: string | null, cursor: { x: number; y: number } | null): Promise<CrowdPerson> {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws/${boardId}?token=${encodeURIComponent(token)}`);
  ws.binaryType = 'arraybuffer';
  // A document only for its client ID: nothing of the board is ever applied to it.
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  const send = () => {
    if (ws.readyState !== ws.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    ws.send(encoding.toUint8Array(encoder));
  };
  const hue = (name.length * 47 + Math.floor(Math.random() * 360)) % 360;
  awareness.setLocalState({ user: { name, color: hslHex(hue), groupId: null, id: '', role: 'participant' }, cursor, busy: [], view: null, hand: null, place });
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === 'local' && [...added, ...updated, ...removed].includes(awareness.clientID)) send();
  });
  ws.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return; // sync: not needed for presence
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () => {
      send();
      resolve({
        awareness,
        set(fields) {
          awareness.setLocalState({ ...awareness.getLocalState(), ...fields });
        },
        close() {
          awareness.destroy();
          ws.close();
        },
      });
    });
  });
}

function hslHex(h: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = 0.45 - 0.35 * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * c).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}
