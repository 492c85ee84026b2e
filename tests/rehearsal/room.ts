/**
 * The room: the board, the facilitator's device, every participant with their seats and devices, the
 * log of what they meant to do and the tracker of how fast it reached everyone; and the waits that
 * say the room is in step (every device holds the same board).
 *
 * Why: the day's phases and faults act on people, not sockets; keeping who sits where and which
 * device is theirs in one place lets a fault (a table's Wi-Fi, a second device) act on the right ones.
 */
import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { dotsMap, newRecordId, notesMap, stancesMap, type Area } from '../../shared/index.ts';
import type { BoardAccess } from './api.ts';
import { Device } from './device.ts';
import { RehearsalLog } from './log.ts';
import type { TabletRoom } from './tablets.ts';
import { Tracker } from './tracker.ts';
import { Random, TextMaker } from './words.ts';

/** A simulated participant: who they are, where they sit, and the device they write from. */
export class Participant {
  readonly id = newRecordId();
  /** The device key the app keeps in its storage (hex, as the app makes it). */
  readonly key = randomBytes(24).toString('hex');
  stakeholderTable: Area | null = null;
  mixedTable: Area | null = null;
  device!: Device;
  /** The notes this person made (ids), to edit, move or delete later. */
  readonly notes: string[] = [];

  constructor(
    readonly index: number,
    readonly name: string,
    readonly groupId: string,
    readonly lang: 'en' | 'nl',
  ) {}

  get doc(): Y.Doc {
    return this.device.doc;
  }
}

export class Room {
  readonly log = new RehearsalLog();
  readonly tracker = new Tracker();
  readonly people: Participant[] = [];
  /** Devices beside each person's own: a second device, the projector. */
  readonly otherDevices: Device[] = [];
  readonly random: Random;
  readonly texts: TextMaker;
  readonly facilitatorId = newRecordId();
  facilitator!: Device;
  tablets: TabletRoom | null = null;

  constructor(
    readonly board: BoardAccess,
    seed: number,
  ) {
    this.random = new Random(seed);
    this.texts = new TextMaker(new Random(seed + 1));
  }

  /** Opens a device for a participant (with their join data) or the facilitator; `measured`: its
   * arrivals count in the delays (not for a device that is not one of the room's). */
  open(token: string, person?: { id: string; key: string }, measured = true): Device {
    return new Device({ baseUrl: this.board.baseUrl, boardId: this.board.boardId, token, ...(person ? { person: person.id, key: person.key } : {}) }, measured ? this.tracker : null);
  }

  /** Every open device (the facilitator's first). */
  devices(): Device[] {
    return [this.facilitator, ...this.people.map((p) => p.device), ...this.otherDevices].filter((d) => d && !d.closed);
  }

  /** Tells the tracker how many devices should see a write now. */
  updateListening(): void {
    this.tracker.listening = this.devices().filter((d) => !d.offline).length;
  }

  /** Moves the log and the tracker to the next phase of the day. */
  setPhase(phase: string): void {
    this.log.phase = phase;
    this.tracker.setPhase(phase);
    this.log.event(`phase ${phase}`);
  }

  /** How many participants' devices are connected now. */
  connectedPeople(): number {
    return this.people.filter((p) => p.device?.connected).length;
  }

  /** Waits until every open, online device holds the same board as the facilitator's. */
  async waitConverged(what: string, timeoutMs: number): Promise<number> {
    const started = performance.now();
    const fingerprint = (d: Device) =>
      `${d.stateVector()}|${notesMap(d.doc).size}|${dotsMap(d.doc).size}|${stancesMap(d.doc).size}`;
    for (;;) {
      const online = this.devices().filter((d) => !d.offline);
      const want = fingerprint(this.facilitator);
      const behind = online.filter((d) => !d.synced || fingerprint(d) !== want).length;
      if (behind === 0) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`${what}: ${behind} of ${online.length} devices did not converge in ${(timeoutMs / 1000).toFixed(0)} s`);
      await sleep(online.length > 100 ? 250 : 100);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Waits until `check` holds, or throws naming `what`. */
export async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
