/**
 * An in-memory network of Y.Docs with queued, reorderable delivery, driven by a seeded PRNG.
 *
 * Why: convergence must hold for every order of arrival, not just the one a real network happens to
 * produce in a test run. Each peer's updates wait in a queue per receiver; the harness delivers them
 * in random order, drops peers offline and brings them back with a state-vector sync, as y-protocols
 * does. A failing run is reproduced from its seed alone.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import {
  createNote,
  deleteNotes,
  initBoard,
  listNotes,
  moveNotes,
  ORIGIN,
  readNote,
  setNoteText,
  type Note,
} from '../../shared/index.ts';

export interface Peer {
  readonly doc: Y.Doc;
  online: boolean;
  /** Updates from other peers not yet delivered to this one. */
  readonly inbox: Uint8Array[];
}

export class SyncNetwork {
  readonly peers: Peer[];
  readonly gen: prng.PRNG;

  constructor(
    readonly seed: number,
    peerCount: number,
  ) {
    this.gen = prng.create(seed);
    const origin = new Y.Doc();
    initBoard(origin, { title: 'Sync test', createdAt: 1 }, ORIGIN.server);
    const start = Y.encodeStateAsUpdate(origin);
    this.peers = Array.from({ length: peerCount }, () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, start);
      const peer: Peer = { doc, online: true, inbox: [] };
      doc.on('update', (update: Uint8Array, txOrigin: unknown) => {
        if (txOrigin === this) return; // delivered by the harness, not a local edit
        if (!peer.online) return; // offline edits travel later, through the reconnect sync
        for (const other of this.peers) if (other !== peer && other.online) other.inbox.push(update);
      });
      return peer;
    });
  }

  /** Note ids known to `peer`. */
  noteIds(peer: Peer): string[] {
    return listNotes(peer.doc).map((n) => n.id);
  }

  /** One random step: a local edit on a random peer, a delivery, or a disconnect/reconnect. */
  step(): void {
    const g = this.gen;
    const peer = prng.oneOf(g, this.peers);
    const roll = prng.int31(g, 0, 99);
    if (roll < 40) this.randomEdit(peer);
    else if (roll < 85) this.deliverOne();
    else if (roll < 93) peer.online = false;
    else if (!peer.online) this.reconnect(peer);
  }

  /** Creates, moves, edits or deletes a note, often one that others are touching too. */
  randomEdit(peer: Peer): void {
    const g = this.gen;
    const ids = this.noteIds(peer);
    const kind = ids.length === 0 ? 0 : prng.int31(g, 0, 3);
    const target = ids.length ? prng.oneOf(g, ids) : '';
    switch (kind) {
      case 0:
        createNote(peer.doc, { text: prng.word(g, 0, 8), x: prng.int31(g, -500, 500), y: prng.int31(g, -500, 500), authorId: `p${this.peers.indexOf(peer)}` }, ORIGIN.local);
        break;
      case 1:
        moveNotes(peer.doc, [{ id: target, x: prng.int31(g, -500, 500), y: prng.int31(g, -500, 500) }], ORIGIN.local);
        break;
      case 2: {
        const old = readNote(peer.doc, target)?.text ?? '';
        const at = prng.int31(g, 0, old.length);
        const cut = prng.int31(g, 0, Math.min(3, old.length - at));
        setNoteText(peer.doc, target, old.slice(0, at) + prng.word(g, 0, 4) + old.slice(at + cut), ORIGIN.local);
        break;
      }
      default:
        deleteNotes(peer.doc, [target], ORIGIN.local);
    }
  }

  /** Delivers one queued update, picked at random from a random online peer's inbox (so out of order). */
  deliverOne(): void {
    const ready = this.peers.filter((p) => p.online && p.inbox.length > 0);
    if (ready.length === 0) return;
    const peer = prng.oneOf(this.gen, ready);
    const [update] = peer.inbox.splice(prng.int31(this.gen, 0, peer.inbox.length - 1), 1);
    Y.applyUpdate(peer.doc, update!, this);
  }

  /** A reconnecting peer syncs both ways with every online peer (state vector + diff, as y-protocols). */
  reconnect(peer: Peer): void {
    peer.online = true;
    for (const other of this.peers) {
      if (other === peer || !other.online) continue;
      const toPeer = Y.encodeStateAsUpdate(other.doc, Y.encodeStateVector(peer.doc));
      const toOther = Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(other.doc));
      peer.inbox.push(toPeer);
      other.inbox.push(toOther);
    }
  }

  /** Brings everyone online and delivers every queued update, in random order. */
  settle(): void {
    for (const p of this.peers) if (!p.online) this.reconnect(p);
    let guard = 0;
    while (this.peers.some((p) => p.inbox.length > 0)) {
      this.deliverOne();
      if (++guard > 1_000_000) throw new Error('settle did not finish');
    }
  }

  /** Every peer's notes, for comparison. */
  snapshots(): Note[][] {
    return this.peers.map((p) => listNotes(p.doc));
  }
}
