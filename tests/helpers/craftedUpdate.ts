/**
 * Test helper: Yjs v1 updates written by hand, section by section, the way no honest encoder writes
 * them (one client in two sections), for the write guard's regression tests.
 *
 * Why: `Y.decodeUpdate` returns every section's structs while `Y.applyUpdate` keeps a client's last
 * section only; a hostile client can use the difference (a dot hidden behind decoys).
 */
import * as encoding from 'lib0/encoding';

/** One item holding `values` (ContentAny): in root map `parent` under key `sub`, or right after `origin`. */
export interface CraftedItem {
  parent?: string;
  sub?: string;
  origin?: [client: number, clock: number];
  /** The item it was inserted before (only with `origin`). */
  rightOrigin?: [client: number, clock: number];
  values: unknown[];
}

/** An update of `sections` (each a client, its first clock and its items) and an empty delete set. */
export function craftedUpdate(sections: { client: number; clock: number; items: CraftedItem[] }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, sections.length);
  for (const { client, clock, items } of sections) {
    encoding.writeVarUint(e, items.length);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    for (const item of items) {
      const CONTENT_ANY = 8;
      encoding.writeUint8(e, CONTENT_ANY | (item.origin ? 0x80 | (item.rightOrigin ? 0x40 : 0) : item.sub !== undefined ? 0x20 : 0));
      if (item.origin) {
        encoding.writeVarUint(e, item.origin[0]);
        encoding.writeVarUint(e, item.origin[1]);
        if (item.rightOrigin) {
          encoding.writeVarUint(e, item.rightOrigin[0]);
          encoding.writeVarUint(e, item.rightOrigin[1]);
        }
      } else {
        encoding.writeVarUint(e, 1); // the parent is a root, by name
        encoding.writeVarString(e, item.parent!);
        if (item.sub !== undefined) encoding.writeVarString(e, item.sub);
      }
      encoding.writeVarUint(e, item.values.length);
      for (const v of item.values) encoding.writeAny(e, v as Parameters<typeof encoding.writeAny>[1]);
    }
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/**
 * One deleted-content (GC) struct of `client` from `clock`, `len` long, and optionally a deletion of
 * `del` = [clock, len] of the same client: how a client could fill clocks that are another's.
 */
export function gcUpdate(client: number, clock: number, len: number, del?: [clock: number, len: number]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one section
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 0); // GC
  encoding.writeVarUint(e, len);
  if (!del) encoding.writeVarUint(e, 0);
  else for (const n of [1, client, 1, del[0], del[1]]) encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
}
