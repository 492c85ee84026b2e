/**
 * What the wire fuzzer sends: seeded frames built from a corpus of real messages (note edits,
 * clusters, votes, awareness states that pose as the facilitator), mutated, cut short, or replaced by
 * random bytes, every message type 0-255 and text.
 *
 * Why: the server's parsers (y-protocols framing, Yjs update decoding, the write guard, awareness
 * JSON) meet whatever a broken tablet or a curious participant sends. Frames close to real ones reach
 * deep into the decoders, where random bytes would stop at the first byte. Same seed, same frames.
 */
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  createCluster,
  createGroup,
  createNote,
  deleteNotes,
  moveNotes,
  openVote,
  ORIGIN,
  placeDot,
  setNoteText,
  setStance,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from '../../shared/index.ts';

export type FrameKind = 'valid' | 'mutated' | 'truncated' | 'random' | 'messageType' | 'text' | 'oversized';

export interface Frame {
  readonly kind: FrameKind;
  readonly data: Uint8Array | string;
}

function message(type: number, ...parts: (number | Uint8Array)[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  for (const p of parts) {
    if (typeof p === 'number') encoding.writeVarUint(e, p);
    else encoding.writeVarUint8Array(e, p);
  }
  return encoding.toUint8Array(e);
}

/** Real messages a tablet sends during a co-creation session (seeded, so the corpus is fixed). */
export function buildCorpus(seed: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = 1000 + (seed % 100_000);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push(createNote(doc, { text: `idea ${i}`, x: i * 30, y: i * 20, authorId: 'fuzz' }, ORIGIN.local));
  moveNotes(doc, [{ id: ids[0]!, x: 500, y: 500 }], ORIGIN.local);
  setNoteText(doc, ids[1]!, 'Samen het hele olifant zien', ORIGIN.local);
  const cluster = createCluster(doc, ids.slice(2, 5), 'Youth', ORIGIN.local);
  const group = createGroup(doc, { name: 'Bewoners', color: '#e4572e' }, ORIGIN.local);
  const vote = openVote(doc, { title: 'Priorities', dots: 3 }, ORIGIN.local);
  placeDot(doc, { voteId: vote, itemId: ids[3]!, voterId: 'fuzz', groupId: group }, ORIGIN.local);
  setStance(doc, cluster, group, 'agree', 'fuzz', ORIGIN.local);
  deleteNotes(doc, [ids[6]!], ORIGIN.local);
  const sv = Y.encodeStateVector(doc);
  const corpus = updates.map((u) => message(MESSAGE_SYNC, 2, u));
  corpus.push(message(MESSAGE_SYNC, 0, sv), message(MESSAGE_SYNC, 0, new Uint8Array([0])), message(MESSAGE_SYNC, 1, Y.encodeStateAsUpdate(doc)));
  corpus.push(message(MESSAGE_QUERY_AWARENESS));
  const awareness = new awarenessProtocol.Awareness(doc);
  for (const user of [
    { name: 'Ann', role: 'participant', groupId: group, color: '#e4572e' },
    { name: 'Facilitator', role: 'facilitator' },
    { name: 'x'.repeat(300), role: 'projector', id: 'someone-else' },
  ]) {
    awareness.setLocalState({ user, cursor: { x: 10, y: 20 }, hand: true });
    corpus.push(message(MESSAGE_AWARENESS, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
  }
  awareness.setLocalState(null);
  corpus.push(message(MESSAGE_AWARENESS, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])));
  awareness.destroy();
  return corpus;
}

const HUGE_VARINT = [0xff, 0xff, 0xff, 0xff, 0x0f];
const EDGE_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff];

/** One random change to `bytes`: a flipped bit, an edge value, an insertion, a cut, a repeat, a splice. */
function mutateOnce(gen: prng.PRNG, bytes: Uint8Array, corpus: Uint8Array[]): Uint8Array {
  const a = [...bytes];
  const at = a.length === 0 ? 0 : prng.uint32(gen, 0, a.length - 1);
  switch (prng.uint32(gen, 0, 7)) {
    case 0:
      if (a.length) a[at] = a[at]! ^ (1 << prng.uint32(gen, 0, 7));
      break;
    case 1:
      if (a.length) a[at] = prng.oneOf(gen, EDGE_BYTES);
      break;
    case 2:
      a.splice(at, 0, ...Array.from({ length: prng.uint32(gen, 1, 8) }, () => prng.uint32(gen, 0, 255)));
      break;
    case 3:
      a.splice(at, prng.uint32(gen, 1, 8));
      break;
    case 4:
      a.splice(at, 0, ...HUGE_VARINT);
      break;
    case 5: {
      const len = prng.uint32(gen, 1, 16);
      a.splice(at, 0, ...a.slice(at, at + len));
      break;
    }
    case 6: {
      const other = prng.oneOf(gen, corpus);
      const from = prng.uint32(gen, 0, other.length);
      a.splice(at, prng.uint32(gen, 0, 8), ...other.slice(from, from + prng.uint32(gen, 1, 32)));
      break;
    }
    default:
      if (a.length) a[at] = prng.uint32(gen, 0, 255);
  }
  return Uint8Array.from(a);
}

function randomBytes(gen: prng.PRNG, max: number): Uint8Array {
  return Uint8Array.from({ length: prng.uint32(gen, 0, max) }, () => prng.uint32(gen, 0, 255));
}

/** A seeded source of frames; `oversizedBytes` is one more than the server accepts. */
export function frameSource(seed: number, oversizedBytes: number): () => Frame {
  const gen = prng.create(seed);
  const corpus = buildCorpus(seed);
  return () => {
    const roll = prng.uint32(gen, 0, 9999);
    if (roll < 3500) return { kind: 'valid', data: prng.oneOf(gen, corpus) };
    if (roll < 7500) {
      let bytes = prng.oneOf(gen, corpus);
      for (let n = prng.uint32(gen, 1, 4); n > 0; n--) bytes = mutateOnce(gen, bytes, corpus);
      return { kind: 'mutated', data: bytes };
    }
    if (roll < 8500) {
      const bytes = prng.oneOf(gen, corpus);
      return { kind: 'truncated', data: bytes.slice(0, prng.uint32(gen, 0, Math.max(0, bytes.length - 1))) };
    }
    if (roll < 9300) return { kind: 'random', data: randomBytes(gen, prng.bool(gen) ? 16 : 1024) };
    if (roll < 9800) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, prng.uint32(gen, 0, 255));
      encoding.writeUint8Array(e, randomBytes(gen, 24));
      return { kind: 'messageType', data: encoding.toUint8Array(e) };
    }
    if (roll < 9998) return { kind: 'text', data: prng.bool(gen) ? '{"type":"sync","update":[0,1,2]}' : prng.word(gen, 0, 64) };
    return { kind: 'oversized', data: new Uint8Array(oversizedBytes) };
  };
}
