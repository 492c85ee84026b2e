/**
 * The y-websocket messages the server writes (sync step 1, an update, awareness states) and the
 * guard that turns a decoding failure into a protocol error.
 *
 * Why: a room speaks the stock protocol; building its frames in one place keeps the room about
 * rooms, and each frame is encoded once for every receiver.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/index.ts';
import { ProtocolError } from './protocolError.ts';

/** Sync step 1: the server's state vector (the receiver answers with what the server lacks). */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 with the whole document (the answer to a client that has nothing yet). */
export function fullStateMessage(doc: Y.Doc): Uint8Array {
  return fullStateMessageOf(Y.encodeStateAsUpdate(doc));
}

/** Sync step 2 with `state`, an update holding a whole document (e.g. as stored). */
export function fullStateMessageOf(state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, state);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what `doc` has beyond `stateVector` (a client's step 1); a bad vector is the client's error. */
export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  try {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  } catch (err) {
    throw new ProtocolError('invalidUpdate', `bad state vector: ${(err as Error).message}`);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Whether a state vector holds nothing of `doc` (a fresh client, or one that has only changes of its
 * own the server never had): the answer is the whole document, which the room encodes once for all.
 * Naming unknown clients must not make the server encode the board again for each such message.
 */
export function knowsNothingOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
  let known: Map<number, number>;
  try {
    known = Y.decodeStateVector(stateVector);
  } catch {
    return false; // let the normal path report it
  }
  for (const [client, clock] of known) if (clock > 0 && Y.getState(doc.store, client) > 0) return false;
  return true;
}

/** One document update, to broadcast. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of `clients` (everyone's by default). */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients = [...awareness.getStates().keys()]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Runs a decoding step; a failure is the client's malformed message. */
export function readOrThrow<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new ProtocolError('malformedMessage', (err as Error).message);
  }
}
