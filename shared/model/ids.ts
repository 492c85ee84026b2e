/**
 * Random identifiers for boards and the records on them.
 *
 * Why: board ids double as unguessable room names, so they need at least 128 bits of entropy; record
 * ids (notes, areas, connectors, groups, clusters, votes, agenda tasks, devices) are made on tablets
 * that may be offline, so they must be random rather than sequential. Only `crypto.getRandomValues` is used: unlike `crypto.randomUUID` it also exists on plain-http pages
 * (a venue LAN address is not a secure context).
 */
import { toBase64UrlEncoded } from 'lib0/buffer';

/** Bytes of randomness in a board id (128 bits). */
export const BOARD_ID_BYTES = 16;
/** Bytes of randomness in a record id (96 bits: unique across every device of a conference). */
export const RECORD_ID_BYTES = 12;

/** The shape of every id Olifant makes: base64url, no padding. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function randomId(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return toBase64UrlEncoded(buf);
}

/** A new board id: 22 base64url characters carrying 128 random bits. */
export function newBoardId(): string {
  return randomId(BOARD_ID_BYTES);
}

/** A new id for any record on a board (note, area, connector, group, cluster, vote, task ...): 16
 * base64url characters carrying 96 random bits. */
export function newRecordId(): string {
  return randomId(RECORD_ID_BYTES);
}

/** A new board epoch (see `BoardMeta.epoch`): 96 random bits. */
export function newEpoch(): string {
  return randomId(RECORD_ID_BYTES);
}

/** Whether `value` has the shape of an Olifant id (used to reject junk in URLs before any lookup). */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
