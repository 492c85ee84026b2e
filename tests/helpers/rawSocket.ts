/**
 * Test helper: a raw `ws` client that speaks (or breaks) the protocol by hand.
 *
 * Why: refusals, the projector rule and malformed frames need a client that sends exactly the bytes
 * a test chooses and records what comes back, including the close code.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/index.ts';

export interface RawClient {
  readonly ws: WebSocket;
  /** Binary messages received so far. */
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw socket and waits for it to open; rejects with the HTTP status if the upgrade is refused. */
export function openRaw(wsUrl: string, origin?: string, headers: Record<string, string> = {}): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { ...(origin ? { origin } : {}), headers });
    const received: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((res) =>
      ws.on('close', (code, reason) => res({ code, reason: reason.toString() })),
    );
    ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => reject(Object.assign(new Error(`refused ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
    });
    ws.on('error', (err) => reject(err));
    ws.on('open', () => resolve({ ws, received, closed }));
  });
}

/** A sync message (`MESSAGE_SYNC`, then step type and payload). */
export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(syncProtocol.messageYjsUpdate, update);
}

/** Applies every sync message in `messages` to a fresh doc, as a passive reader would. */
export function docFromMessages(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const m of messages) {
    const d = decoding.createDecoder(m);
    if (decoding.readVarUint(d) !== MESSAGE_SYNC) continue;
    syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, null);
  }
  return doc;
}
