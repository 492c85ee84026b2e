/**
 * The venue's Wi-Fi failing one table: its devices are cut off (the provider disconnects, as a
 * dropped network does) and keep writing into their own copies; the table's browser tablet goes
 * offline and reloads while offline; one person at the table also has a second device that stays
 * online. When the Wi-Fi is back, everything they wrote must arrive.
 *
 * Why: a table losing the network for a few minutes is the most common fault of a real day; the
 * second device makes a person's dots go beyond their limit, which the count must handle.
 */
import type { Device } from './device.ts';
import type { Participant, Room } from './room.ts';
import { sleep } from './room.ts';

export class Outage {
  readonly people: Participant[];
  private second: Device | null = null;
  private startedAt = 0;

  constructor(
    private readonly room: Room,
    tableId: string,
    members: readonly Participant[],
    /** The tablet seated at this table, if any. */
    private readonly tablet: number | null,
  ) {
    const atTable = members.filter((p) => p.mixedTable?.id === tableId);
    // A small room has one mixed table: then half of it is near the access point that failed.
    this.people = atTable.length === members.length ? atTable.slice(0, Math.ceil(atTable.length / 2)) : atTable;
  }

  async start(): Promise<void> {
    this.startedAt = performance.now();
    for (const p of this.people) p.device.goOffline();
    this.room.updateListening();
    this.room.log.event(`Wi-Fi down at a table: ${this.people.map((p) => p.name).join(', ')}${this.tablet === null ? '' : ` and tablet ${this.tablet + 1}`}`);
    if (this.room.tablets && this.tablet !== null) {
      await this.room.tablets.setOffline(this.tablet, true);
      // Someone reloads the page while the network is gone: it must come back from its own storage.
      await this.room.tablets.reload(this.tablet);
    }
  }

  /** A second device of the table's first person, online elsewhere in the room; null when nobody sits there. */
  async secondDevice(): Promise<Device | null> {
    const p = this.people[0];
    if (!p) return null;
    const d = this.room.open(this.room.board.participantToken, { id: p.id, key: p.key });
    this.room.otherDevices.push(d);
    this.room.updateListening();
    for (let i = 0; i < 200 && !d.synced; i++) await sleep(50);
    if (!d.synced) throw new Error(`${p.name}'s second device did not sync`);
    this.room.log.event(`${p.name} also votes from a second device`);
    this.second = d;
    return d;
  }

  async end(): Promise<void> {
    for (const p of this.people) p.device.goOnline();
    this.room.updateListening();
    if (this.room.tablets && this.tablet !== null) await this.room.tablets.setOffline(this.tablet, false);
    this.room.log.event(`Wi-Fi back at the table after ${((performance.now() - this.startedAt) / 1000).toFixed(1)} s`);
  }

  /** Closes the second device (the person puts their phone away). */
  closeSecond(): void {
    this.second?.close();
    this.room.updateListening();
  }
}
