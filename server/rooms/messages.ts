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
import type * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/index.ts';
import { ProtocolError } from './protocolError.ts';

/** Sync step 1: the server's state vector (the receiver answers with what the server lacks). */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** One document update, to broadcast. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The awareness states of `clients`. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
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
