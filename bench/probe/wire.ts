/**
 * The bytes a probe client sends and reads, built by hand with lib0: a note move as a Yjs update, its
 * awareness, the sync handshake; and the (client, clock) ranges an incoming update carries.
 *
 * Why: a probe must cost next to nothing per message, so that the load generator is not what limits a
 * 300-person room. It holds no Y.Doc: a move is two map entries (`x` and `y` of its note) whose bytes
 * are written directly (the same bytes Yjs writes for `moveNotes`, which the tests check), and an
 * observer reads only the struct headers of what it receives to learn which moves arrived.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A struct's id in the document. */
export interface StructId {
  client: number;
  clock: number;
}

/** y-websocket message types and sync steps (y-protocols). */
export const MESSAGE = { sync: 0, awareness: 1 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

const CONTENT_ANY = 8;
/** An item with a left origin, no right origin, and a key in its parent map (what `Y.Map#set` writes). */
const MAP_SET_INFO = 0x80 | 0x20 | CONTENT_ANY;

/**
 * The update of one move: the note's `x` then `y` entries, written as `client` at `clock` and
 * `clock + 1`, each after (and deleting) the entry it replaces.
 */
export function encodeMoveUpdate(client: number, clock: number, prevX: StructId, prevY: StructId, x: number, y: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client's structs
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  for (const [prev, value] of [[prevX, x], [prevY, y]] as const) {
    encoding.writeUint8(e, MAP_SET_INFO);
    encoding.writeVarUint(e, prev.client);
    encoding.writeVarUint(e, prev.clock);
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, value);
  }
  writeDeleted(e, [prevX, prevY]);
  return encoding.toUint8Array(e);
}

/** A delete set of single structs, as Yjs writes it: clients in descending order, adjacent clocks merged. */
function writeDeleted(e: encoding.Encoder, ids: StructId[]): void {
  const byClient = new Map<number, number[]>();
  for (const id of ids) byClient.set(id.client, [...(byClient.get(id.client) ?? []), id.clock]);
  const clients = [...byClient.keys()].sort((a, b) => b - a);
  encoding.writeVarUint(e, clients.length);
  for (const client of clients) {
    const clocks = byClient.get(client)!.sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const c of clocks) {
      const last = ranges[ranges.length - 1];
      if (last && last[0] + last[1] === c) last[1]++;
      else ranges.push([c, 1]);
    }
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
}

/** A sync message (`step` of SYNC) carrying `payload`. */
export function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Sync step 1 with an empty state vector: "send me the whole board". */
export const ASK_ALL = syncMessage(SYNC.step1, new Uint8Array([0]));
/** Sync step 2 with nothing in it: a probe's answer to the server's step 1 (it holds no document). */
export const NOTHING_NEW = syncMessage(SYNC.step2, new Uint8Array([0, 0]));

/** One awareness state as a message: `clientID`, its `clock` and its state as JSON. */
export function awarenessMessage(clientID: number, clock: number, stateJson: string): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientID);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, stateJson);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/**
 * Calls `range(client, from, to)` for every run of structs (items and GC) in a v1 update, reading only
 * their headers; Skip structs (gaps in a merged update) are not reported. Content kinds a probe never
 * meets are left to Yjs's own reader.
 */
export function forEachRange(update: Uint8Array, range: (client: number, from: number, to: number) => void): void {
  try {
    const d = decoding.createDecoder(update);
    const clients = decoding.readVarUint(d);
    for (let c = 0; c < clients; c++) {
      const structs = decoding.readVarUint(d);
      const client = decoding.readVarUint(d);
      let clock = decoding.readVarUint(d);
      let from = clock;
      for (let s = 0; s < structs; s++) {
        const info = decoding.readUint8(d);
        const ref = info & 0x1f;
        if (ref === 0 || ref === 10) {
          const len = decoding.readVarUint(d);
          if (ref === 10) {
            if (clock > from) range(client, from, clock);
            from = clock + len;
          }
          clock += len;
          continue;
        }
        if (info & 0x80) (decoding.readVarUint(d), decoding.readVarUint(d));
        if (info & 0x40) (decoding.readVarUint(d), decoding.readVarUint(d));
        if ((info & 0xc0) === 0) {
          if (decoding.readVarUint(d) === 1) decoding.readVarString(d);
          else (decoding.readVarUint(d), decoding.readVarUint(d));
          if (info & 0x20) decoding.readVarString(d);
        }
        clock += contentLength(d, ref);
      }
      if (clock > from) range(client, from, clock);
    }
  } catch (err) {
    if (!(err instanceof UnknownContent)) throw err;
    const meta = Y.parseUpdateMeta(update);
    for (const [client, from] of meta.from) range(client, from, meta.to.get(client)!);
  }
}

class UnknownContent extends Error {}

/** Reads past an item's content; returns its length in clock ticks. */
function contentLength(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(d);
    case 2: { // JSON
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readVarString(d);
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return 1;
    case 4: // string: its length in UTF-16 units
      return decoding.readVarString(d).length;
    case 5: // embed
      decoding.readVarString(d);
      return 1;
    case 6: // format
      decoding.readVarString(d);
      decoding.readVarString(d);
      return 1;
    case 7: { // type
      const typeRef = decoding.readVarUint(d);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(d); // XmlElement, XmlHook: their name
      return 1;
    }
    case CONTENT_ANY: {
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return n;
    }
    default:
      throw new UnknownContent();
  }
}
