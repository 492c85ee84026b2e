/**
 * What every phase of the day shares: the room and its layout, the time each task gets, the
 * convergence wait, the server kill, the tablets (when there are any), and the timeline row each
 * phase leaves behind (people connected, edits per second, delays, reconnects, server CPU and RSS,
 * board size).
 *
 * Why: the timeline is measured the same way for every phase, so the phases only say what people do.
 */
import * as Y from 'yjs';
import { assignSeat, countNotes, ORIGIN } from '../../shared/index.ts';
import type { Layout } from './facilitator.ts';
import type { Participant, Room } from './room.ts';
import type { RehearsalServer, ServerFigures } from './server.ts';
import { percentile } from './tracker.ts';

/** One row of the day's timeline. */
export interface TimelineRow {
  readonly phase: string;
  readonly seconds: number;
  readonly peopleConnected: number;
  readonly people: number;
  readonly editsPerSecond: number;
  readonly delayP50Ms: number | null;
  readonly delayP99Ms: number | null;
  readonly measuredWrites: number;
  readonly offlineWrites: number;
  readonly reconnects: number;
  readonly reconnectP50Ms: number | null;
  readonly reconnectMaxMs: number | null;
  /** Server CPU over the phase, % of one core (null when /metrics cannot be read). */
  readonly serverCpuPercent: number | null;
  readonly serverRssMiB: number | null;
  readonly notes: number;
  readonly boardBytes: number;
  /** How long the room took to converge after the phase's writing. */
  readonly convergeMs: number;
}

export class DayContext {
  readonly timeline: TimelineRow[] = [];
  /** Notes that must never appear (the projector's attempt). */
  readonly refusedNotes: { id: string; text: string }[] = [];
  /** Participants in the room now (the late joiner only once joined). */
  readonly joined = new Set<Participant>();
  kills = 0;
  /** Server time just before the agenda move that made the morning snapshot. */
  morningFrom = 0;
  private lastFigures: { at: number; figures: ServerFigures | null } | null = null;

  constructor(
    readonly room: Room,
    readonly layout: Layout,
    readonly server: RehearsalServer,
    /** The writing time of one task, ms. */
    readonly phaseMs: number,
    readonly convergeTimeoutMs: number,
    private readonly progress: (line: string) => void,
  ) {}

  /**
   * How many times each person does something in a task: `n` in a room of up to 150, half beyond.
   * Every device applies every write, so a room of 300 in one process keeps up only when people
   * write every few seconds, as they do in a real room (docs/rehearsal.md, "Measured runs").
   */
  each(n: number): number {
    return this.room.people.length > 150 ? Math.max(1, Math.ceil(n / 2)) : n;
  }

  present(): Participant[] {
    return this.room.people.filter((p) => this.joined.has(p));
  }

  seat(p: Participant): void {
    this.joined.add(p);
    const doc = this.room.facilitator.doc;
    if (p.stakeholderTable) assignSeat(doc, p.id, 'stakeholder', p.stakeholderTable.id, ORIGIN.local);
    if (p.mixedTable) assignSeat(doc, p.id, 'mixed', p.mixedTable.id, ORIGIN.local);
  }

  /** Waits until every online device (and every tablet) holds the same board. */
  async converge(what: string): Promise<number> {
    const ms = await this.room.waitConverged(what, this.convergeTimeoutMs);
    if (this.room.tablets) await this.room.tablets.waitForNotes(countNotes(this.room.facilitator.doc), this.convergeTimeoutMs);
    return ms;
  }

  /** Runs one phase of the day and adds its row to the timeline. */
  async phase(name: string, run: () => Promise<void>): Promise<void> {
    this.room.setPhase(name);
    this.progress(`${name}: ${this.present().length} people`);
    if (!this.lastFigures) this.lastFigures = { at: performance.now(), figures: await this.server.figures() };
    const started = performance.now();
    await run();
    const convergeMs = await this.converge(`end of ${name}`);
    await this.room.tablets?.screenshot(name);
    const seconds = (performance.now() - started) / 1000;
    const figures = await this.server.figures();
    const before = this.lastFigures;
    // After a kill the counter starts again from 0: then the new process's seconds are the phase's.
    const cpu = figures && before.figures ? Math.max(0, figures.cpuSeconds - (figures.cpuSeconds >= before.figures.cpuSeconds ? before.figures.cpuSeconds : 0)) : null;
    const wall = (performance.now() - before.at) / 1000;
    this.lastFigures = { at: performance.now(), figures };
    const f = this.room.tracker.figures(name);
    const doc = this.room.facilitator.doc;
    this.timeline.push({
      phase: name,
      seconds,
      peopleConnected: this.room.connectedPeople(),
      people: this.present().length,
      editsPerSecond: f.writes / seconds,
      delayP50Ms: percentile(f.delays, 50),
      delayP99Ms: percentile(f.delays, 99),
      measuredWrites: f.delays.length,
      offlineWrites: f.offlineWrites,
      reconnects: f.reconnects.length,
      reconnectP50Ms: percentile(f.reconnects, 50),
      reconnectMaxMs: f.reconnects.length ? Math.max(...f.reconnects) : null,
      serverCpuPercent: cpu === null ? null : (100 * cpu) / wall,
      serverRssMiB: figures ? figures.rssBytes / 2 ** 20 : null,
      notes: countNotes(doc),
      boardBytes: Y.encodeStateAsUpdate(doc).byteLength,
      convergeMs,
    });
  }

  /** SIGKILLs the server and restarts it (skipped, and said so, on a server this run did not start). */
  async killServer(): Promise<void> {
    if (!this.server.owned) {
      this.room.log.event('server kill skipped: the rehearsal did not start this server (--url)');
      this.progress('server kill skipped (--url: not our server)');
      return;
    }
    this.room.log.event('server killed (SIGKILL)');
    const { downMs } = await this.server.killAndRestart();
    this.kills += 1;
    this.room.log.event(`server restarted after ${(downMs / 1000).toFixed(1)} s`);
    this.progress(`server killed and restarted (${(downMs / 1000).toFixed(1)} s down)`);
  }

  async tabletsWrite(phase: string, areaFor: (tablet: number) => string, perTablet: number): Promise<void> {
    if (!this.room.tablets) return;
    // People look up while the task's summon moves their view, then write.
    await new Promise((r) => setTimeout(r, 1500));
    await this.room.tablets.writeNotes(phase, areaFor, perTablet);
  }

  /** The mixed table of tablet `i` (tablet 0 sits at the table whose Wi-Fi drops). */
  tabletTable(i: number): string {
    return this.layout.mixedTables[i % this.layout.mixedTables.length]!.id;
  }

  async tabletsVote(voteId: string): Promise<void> {
    if (this.room.tablets) await this.room.tablets.vote(voteId);
  }

  /** Each tablet drags one of its notes by a finger, as a person tidies their table. */
  async tabletsDrag(phase: string): Promise<void> {
    if (this.room.tablets) await this.room.tablets.dragOne(phase);
  }
}
