/**
 * The room of rehearsal tablets once they are open: runs each step on every tablet at once, logs
 * what each tablet did (notes with their area and text, drags that change a note's area, dots, with
 * `offline` for a dot placed without the network), cuts and restores a tablet's network, reloads it,
 * and takes the screenshots.
 *
 * Why: the log is the rehearsal's own record of intent; a tablet logs a note under the id its page
 * gave it and checks, once it is online, that the board holds that note under that id, so a note the
 * app lost or doubled on the way is the oracle's finding, not the tablet's confusion.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { isNoteInArea, listAreas, listClusters, listDots, listNotes, listVotes, type Dot } from '../../shared/index.ts';
import { waitFor, type TestClient } from '../helpers/clients.ts';
import { drawnNotes } from '../helpers/pageActions.ts';
import type { TabletRoom, TabletSeat, TabletSetup } from './tablets.ts';
import { dragNote, tapDot, writeNote, type AreaRef } from './tabletsActions.ts';
import { participantIdOf, takeStrokeMoves, type Point } from './tabletsPage.ts';
import { newLoggedNote } from './log.ts';
import { showArea } from './tabletsView.ts';
import { noteText } from './tabletsWords.ts';

/** One open tablet and what it did. */
export interface Tablet {
  readonly index: number;
  readonly seat: TabletSeat;
  readonly page: Page;
  readonly personId: string;
  offline: boolean;
  /** Ids of the notes it wrote, oldest first. */
  readonly written: string[];
  /** Dots placed while offline: logged once they reach the server. */
  readonly pendingDots: { voteId: string; known: Set<string> }[];
  /** Notes written so far (numbers its texts). */
  made: number;
  /** This tablet's own seeded choices (tablets act at once, so each has its own sequence). */
  readonly random: () => number;
}

/** How long a tablet back online may take to hand over what it made meanwhile. */
const SYNC_MS = 60_000;

export class TabletRoomOnPages implements TabletRoom {
  constructor(
    private readonly setup: TabletSetup,
    private readonly browser: Browser,
    private readonly observer: TestClient,
    private readonly tablets: readonly Tablet[],
    private readonly projector: Page | null,
    readonly errors: string[],
  ) {}

  readonly strokeMoves: string[] = [];

  get count(): number {
    return this.tablets.length;
  }

  get personIds(): readonly string[] {
    return this.tablets.map((t) => t.personId);
  }

  async writeNotes(phase: string, areaFor: (tablet: number) => string, perTablet: number): Promise<void> {
    await this.each(async (t) => {
      const made: string[] = [];
      for (let k = 0; k < perTablet; k++) made.push(await this.writeOne(t, phase, areaFor(t.index)));
      if (!t.offline) await this.settle(t, made);
    });
  }

  private async writeOne(t: Tablet, phase: string, areaId: string): Promise<string> {
    const text = noteText(t.seat.lang, t.seat.name, t.index, phase, ++t.made, t.random);
    const { id, inArea } = await writeNote(t.page, t.seat.lang, this.area(areaId), text, Math.floor(t.random() * 5));
    if (!inArea) this.setup.log.event(`tablet ${t.index + 1}: note ${id} was made outside area ${areaId}, where it was tapped`);
    this.setup.log.notes.set(id, newLoggedNote({ id, text, authorId: t.personId, groupId: t.seat.groupId, areaId, phase }));
    t.written.push(id);
    return id;
  }

  /** Waits until the board holds each of `ids` under its logged text (the tablet's writes arrived). */
  private async settle(t: Tablet, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const note = this.setup.log.notes.get(id);
      if (!note || note.deleted) continue;
      await waitFor(() => this.setup.findNoteByText(note.text) !== undefined, `tablet ${t.index + 1}'s note "${note.text}" on the board`, SYNC_MS);
      const found = this.setup.findNoteByText(note.text);
      if (found !== id) throw new Error(`tablet ${t.index + 1} made note ${id} ("${note.text}") but the board holds it as ${found}`);
    }
  }

  async dragOne(phase: string): Promise<void> {
    await this.each(async (t) => {
      // Its newest note a finger can reach: at a busy table others may lie over it.
      for (const logged of this.ownNotes(t).filter((n) => n.clusterId === null && n.areaId !== null)) {
        const centre = await dragNote(t.page, logged.id, this.area(logged.areaId!), t.random() < 0.5);
        if (!centre) continue;
        const areaId = this.areaAt(centre);
        if (areaId !== logged.areaId) {
          this.setup.log.event(`tablet ${t.index + 1} dragged note ${logged.id} from area ${logged.areaId} to ${areaId} (${phase})`);
          logged.areaId = areaId;
        }
        return;
      }
      this.setup.log.event(`tablet ${t.index + 1} found none of its notes uncovered to drag (${phase})`);
    });
  }

  /** The tablet's notes still on the board as far as it knows, newest first, unclustered as the board says. */
  private ownNotes(t: Tablet) {
    const board = new Map(listNotes(this.observer.doc).map((n) => [n.id, n]));
    return t.written
      .map((id) => this.setup.log.notes.get(id)!)
      .filter((n) => n && !n.deleted && (board.get(n.id)?.clusterId ?? null) === null && n.clusterId === null)
      .reverse();
  }

  /** Area `id` with its rectangle as the board holds it. */
  private area(id: string): AreaRef {
    const a = listAreas(this.observer.doc).find((x) => x.id === id);
    return { id, rect: a ? { x: a.x, y: a.y, w: a.w, h: a.h } : undefined };
  }

  /** The area a board point lies in (the topmost: last in board order), or null. */
  private areaAt(p: Point): string | null {
    const hit = listAreas(this.observer.doc).filter((a) => isNoteInArea({ x: p.x - 1, y: p.y - 1, w: 2, h: 2 }, a));
    return hit.at(-1)?.id ?? null;
  }

  async vote(voteId: string): Promise<void> {
    await waitFor(() => listVotes(this.observer.doc).some((v) => v.id === voteId), `vote ${voteId} on the board`, SYNC_MS);
    const vote = listVotes(this.observer.doc).find((v) => v.id === voteId)!;
    await this.each(async (t) => {
      const item = vote.target === 'notes' ? this.noteToVoteOn(t) : this.clusterToVoteOn(t);
      if (!item) {
        this.setup.log.event(`tablet ${t.index + 1} found nothing to vote on in vote ${voteId}`);
        return;
      }
      if (t.offline && !(await t.page.locator('.vote-banner').count())) {
        this.setup.log.event(`tablet ${t.index + 1} is offline and has not seen vote ${voteId}: no dot`);
        return;
      }
      const known = new Set(listDots(this.observer.doc).map((d) => d.id));
      const mine = (d: Dot) => !known.has(d.id) && d.voteId === voteId && d.voterId === t.personId;
      const seen = t.offline ? null : () => listDots(this.observer.doc).some(mine);
      const answer = await tapDot(t.page, t.seat.lang, { id: item.id, area: this.area(item.areaId), kind: vote.target }, seen);
      if (answer === 'refused') this.setup.log.event(`tablet ${t.index + 1}'s dot in vote ${voteId} was refused by its page`);
      else if (t.offline) t.pendingDots.push({ voteId, known });
      else this.logDot(listDots(this.observer.doc).find(mine)!, false);
    });
  }

  async waitForVote(_voteId: string, timeoutMs: number): Promise<void> {
    await this.each(async (t) => {
      if (!t.offline) await t.page.locator('.vote-banner').waitFor({ timeout: timeoutMs });
    });
  }

  private noteToVoteOn(t: Tablet): { id: string; areaId: string } | null {
    const own = this.ownNotes(t).find((n) => n.areaId !== null);
    return own ? { id: own.id, areaId: own.areaId! } : null;
  }

  /** A cluster (not merged away) with a note in an area, picked by the seed. */
  private clusterToVoteOn(t: Tablet): { id: string; areaId: string } | null {
    const notes = listNotes(this.observer.doc);
    const live = listClusters(this.observer.doc)
      .filter((c) => !c.mergedInto)
      .map((c) => {
        const first = notes.find((n) => n.clusterId === c.id);
        const areaId = first ? this.areaAt({ x: first.x + first.w / 2, y: first.y + first.h / 2 }) : null;
        return { id: c.id, areaId };
      })
      .filter((c): c is { id: string; areaId: string } => c.areaId !== null);
    return live.length ? live[Math.floor(t.random() * live.length)]! : null;
  }

  private logDot(dot: Dot, offline: boolean): void {
    this.setup.log.dots.set(dot.id, { id: dot.id, voteId: dot.voteId, itemId: dot.itemId, voterId: dot.voterId, groupId: dot.groupId, at: dot.at, offline, takenBack: false });
  }

  async setOffline(tablet: number, offline: boolean): Promise<void> {
    const t = this.tablets[tablet]!;
    await t.page.context().setOffline(offline);
    this.setup.log.event(`tablet ${tablet + 1} ${offline ? 'lost' : 'got back'} its network`);
    if (offline) {
      t.offline = true;
      await t.page.locator('.status-offline').waitFor();
      return;
    }
    await t.page.locator('.status-connected').waitFor({ timeout: SYNC_MS });
    t.offline = false;
    await this.settle(t, t.written);
    for (const pending of t.pendingDots.splice(0)) {
      const mine = (d: Dot) => !pending.known.has(d.id) && d.voteId === pending.voteId && d.voterId === t.personId && !this.setup.log.dots.has(d.id);
      await waitFor(() => listDots(this.observer.doc).some(mine), `tablet ${tablet + 1}'s offline dot on the board`, SYNC_MS);
      this.logDot(listDots(this.observer.doc).find(mine)!, true);
    }
  }

  async reload(tablet: number): Promise<void> {
    const t = this.tablets[tablet]!;
    await t.page.reload();
    await t.page.locator(t.offline ? '.status-offline' : '.status-connected').waitFor({ timeout: SYNC_MS });
    const id = await participantIdOf(t.page, this.setup.boardId);
    if (id !== t.personId) throw new Error(`tablet ${tablet + 1} came back from a reload as ${id}, not ${t.personId}`);
    // What it wrote is still on it: look at each of its areas, as the person would.
    const byArea = new Map<string, string[]>();
    for (const n of this.ownNotes(t)) if (n.areaId) byArea.set(n.areaId, [...(byArea.get(n.areaId) ?? []), n.id]);
    for (const [areaId, ids] of byArea) {
      await showArea(t.page, areaId, this.area(areaId).rect);
      const drawn = new Set((await drawnNotes(t.page)).map((n) => n.id));
      const lost = ids.filter((id) => !drawn.has(id));
      if (lost.length) throw new Error(`tablet ${tablet + 1} lost notes ${lost.join(', ')} in area ${areaId} over a reload${t.offline ? ' while offline' : ''}`);
    }
    this.setup.log.event(`tablet ${tablet + 1} reloaded${t.offline ? ' while offline' : ''}`);
  }

  async waitForNotes(notes: number, timeoutMs: number): Promise<void> {
    await this.each(async (t) => {
      const deadline = Date.now() + timeoutMs;
      let shown = -1;
      while ((shown = await this.notesShown(t.page)) !== notes) {
        if (Date.now() > deadline) throw new Error(`tablet ${t.index + 1} shows ${shown} notes, not ${notes}`);
        await t.page.waitForTimeout(100);
      }
    });
  }

  /** How many notes the page says the board holds (the canvas's accessible name counts them). */
  private async notesShown(page: Page): Promise<number> {
    const label = (await page.getByTestId('canvas').getAttribute('aria-label')) ?? '';
    return Number(/\d[\d.,\u00a0]*/.exec(label)?.[0].replace(/[^\d]/g, '') ?? NaN);
  }

  async screenshot(label: string): Promise<void> {
    const dir = this.setup.screenshotDir;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const name = label.replace(/[^\w.-]+/g, '-');
    await this.each(async (t) => {
      const { width, height } = t.page.viewportSize()!;
      await t.page.screenshot({ path: join(dir, `${name}-tablet${t.index + 1}-${width}x${height}-${t.seat.lang}.png`) });
    });
    if (this.projector) await this.projector.screenshot({ path: join(dir, `${name}-projector-1920x1080.png`) });
  }

  async close(): Promise<void> {
    this.observer.destroy();
    await this.browser.close();
  }

  /** Runs `step` on every tablet at once; the first failure names its tablet. Notes its strokes moved are logged. */
  private async each(step: (t: Tablet) => Promise<void>): Promise<void> {
    await Promise.all(
      this.tablets.map((t) =>
        step(t)
          .catch((err: Error) => {
            throw new Error(`tablet ${t.index + 1} (${t.seat.name}): ${err.message}`);
          })
          .finally(() => {
            for (const move of takeStrokeMoves(t.page)) {
              const said = `tablet ${t.index + 1}: ${move}`;
              this.strokeMoves.push(said);
              this.setup.log.event(said);
            }
          }),
      ),
    );
  }
}
