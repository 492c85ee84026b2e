/**
 * One device in the room at the protocol level: a Y.Doc with the stock y-websocket provider (over
 * `ws`), joined with a link's token and, for a person, their join data (`person`, `key`). Its
 * observers tell the tracker when notes and dots arrive; its status events count reconnects.
 *
 * Why: a rehearsal must write as a real device writes (the provider a browser uses, the shared
 * mutations), so what it proves about the server holds for the app.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { sendOwnAwarenessOnly } from '../../client/sync/ownAwareness.ts';
import { dotsMap, notesMap, peopleMap } from '../../shared/index.ts';
import type { Tracker } from './tracker.ts';

// Every Node provider adds a process 'exit' listener; a room of 300 holds that many at once.
process.setMaxListeners(0);

export interface JoinData {
  readonly baseUrl: string;
  readonly boardId: string;
  readonly token: string;
  /** Participant id and device key, as the app sends them; absent for a tool without identity. */
  readonly person?: string;
  readonly key?: string;
}

export class Device {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Cut off on purpose (the venue Wi-Fi): its writes stay local until it reconnects. */
  offline = false;
  closed = false;
  private downSince: number | null = null;
  private everConnected = false;

  constructor(
    readonly join: JoinData,
    private readonly tracker: Tracker | null,
  ) {
    const params: Record<string, string> = { token: join.token };
    if (join.person && join.key) Object.assign(params, { person: join.person, key: join.key });
    // Observers first, so the first sync counts as this device seeing what was there.
    if (tracker) {
      const watch = (map: Y.Map<unknown>, kind: string) =>
        map.observe((e) => {
          for (const [key, change] of e.changes.keys) if (change.action === 'add') tracker.saw(`${kind}:${key}`);
        });
      watch(notesMap(this.doc) as Y.Map<unknown>, 'note');
      watch(dotsMap(this.doc), 'dot');
      watch(peopleMap(this.doc), 'person');
    }
    this.provider = new WebsocketProvider(`${join.baseUrl.replace(/^http/, 'ws')}/ws`, join.boardId, this.doc, {
      params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      // Capped backoff as the app's, so 300 devices do not all knock at once after a restart.
      maxBackoffTime: 1500,
    });
    // As the app does: send only this device's own presence, not everyone's back to the server
    // (in a room of 300 the stock echo is 300 x 300 states at every join).
    sendOwnAwarenessOnly(this.provider);
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') {
        if (this.downSince !== null && this.everConnected && !this.offline) this.tracker?.reconnected(performance.now() - this.downSince);
        this.downSince = null;
        this.everConnected = true;
      } else if (status === 'disconnected' && this.downSince === null) {
        this.downSince = performance.now();
      }
    });
  }

  get connected(): boolean {
    return this.provider.wsconnected;
  }

  /** Connected and through its first sync with the server. */
  get synced(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  /** The venue Wi-Fi drops for this device: it keeps writing into its own copy. */
  goOffline(): void {
    this.offline = true;
    this.provider.disconnect();
  }

  /** The Wi-Fi is back: the provider reconnects and the two sides send each other what they lack. */
  goOnline(): void {
    this.offline = false;
    this.downSince = null;
    this.provider.connect();
  }

  /** Its state vector, to compare with others' (equal vectors: the same document). */
  stateVector(): string {
    return Buffer.from(Y.encodeStateVector(this.doc)).toString('base64');
  }

  close(): void {
    this.closed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}
