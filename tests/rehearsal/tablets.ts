/**
 * Real tablets in the rehearsal: Chromium pages with touch that join by the participant link and do
 * what people do through the UI (double-tap, typing, drag, a dot), and the projector page that stays
 * open all day.
 *
 * Why: protocol-level participants prove the server and the rules; only real pages prove that the
 * app itself keeps up with a busy room, an outage and a reload while offline.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { openPage, waitForServiceWorker } from '../helpers/pageActions.ts';
import { tokenOf } from '../helpers/server.ts';
import type { RehearsalLog } from './log.ts';
import { joinTablet, participantIdOf } from './tabletsPage.ts';
import { TabletRoomOnPages, type Tablet } from './tabletsRoom.ts';
import { seededRandom } from './tabletsWords.ts';

export interface TabletSeat {
  /** The name typed at join. */
  readonly name: string;
  /** Stakeholder group name picked at join. */
  readonly groupName: string;
  readonly groupId: string;
  readonly stakeholderTable: string | null;
  readonly mixedTable: string | null;
  readonly lang: 'en' | 'nl';
}

export interface TabletSetup {
  readonly baseUrl: string;
  readonly boardId: string;
  readonly participantLink: string;
  /** null: no projector page. */
  readonly projectorLink: string | null;
  readonly seats: readonly TabletSeat[];
  readonly log: RehearsalLog;
  readonly seed: number;
  /** The id of the (not deleted) note with exactly this text on the board, as a synced observer sees it. */
  readonly findNoteByText: (text: string) => string | undefined;
  /** Where screenshots go (a folder); null: none. */
  readonly screenshotDir: string | null;
}

export interface TabletRoom {
  readonly count: number;
  /** Each tablet writes `perTablet` notes through the UI in area `areaFor(i)` and logs them. */
  writeNotes(phase: string, areaFor: (tablet: number) => string, perTablet: number): Promise<void>;
  /** Each tablet drags one of its own notes a little (staying in its area). */
  dragOne(phase: string): Promise<void>;
  /** Each tablet places one dot through the UI on a note in the open vote, and logs it. */
  vote(voteId: string): Promise<void>;
  /** Cuts or restores one tablet's network (as the venue Wi-Fi would). */
  setOffline(tablet: number, offline: boolean): Promise<void>;
  /** Reloads one tablet's page (while offline it must come back from its own storage). */
  reload(tablet: number): Promise<void>;
  /** Waits until every tablet shows `notes` notes (synced). */
  waitForNotes(notes: number, timeoutMs: number): Promise<void>;
  /** Saves a screenshot of each page (tablets and projector) named after `label`. */
  screenshot(label: string): Promise<void>;
  close(): Promise<void>;
  /** Waits until every online tablet shows vote `voteId` open (its banner), so a dot can follow offline. */
  waitForVote(voteId: string, timeoutMs: number): Promise<void>;
  /** Each tablet's participant id, as its page chose it (index = seat). */
  readonly personIds: readonly string[];
  /** Errors the pages threw (uncaught), each with its page; empty on a good day. */
  readonly errors: readonly string[];
  /** Notes a tablet's two-finger stroke (a pan or pinch to reach an area) moved: none on a good day. */
  readonly strokeMoves: readonly string[];
}

/** Tablet `i`'s screen: landscape and portrait tablets alternate. */
export function tabletViewport(i: number): { width: number; height: number } {
  return i % 2 === 0 ? { width: 1024, height: 768 } : { width: 768, height: 1024 };
}

/**
 * Opens one Chromium with a touch tablet per seat (its own storage, its seat's language) joined by
 * the participant link, and the projector page; logs each tablet's person. Pages are opened one
 * after another, so a join is not slowed by the others' first load.
 */
export async function openTablets(setup: TabletSetup): Promise<TabletRoom> {
  const browser = await launchBrowser();
  const errors: string[] = [];
  // A stock client of the board, as any device: it tells when a tablet's dot reached the server.
  const observer = connectClient(setup.baseUrl, setup.boardId, tokenOf(setup.participantLink));
  try {
    await waitSynced(observer, 30_000);
    const tablets: Tablet[] = [];
    for (const index of setup.seats.keys()) tablets.push(await openTablet(browser, setup, index, errors));
    let projector: Page | null = null;
    if (setup.projectorLink) {
      projector = await openPage(browser, errors, { viewport: { width: 1920, height: 1080 } });
      await projector.goto(setup.projectorLink);
      await projector.locator('.status-connected').waitFor();
    }
    return new TabletRoomOnPages(setup, browser, observer, tablets, projector, errors);
  } catch (err) {
    observer.destroy();
    await browser.close();
    throw err;
  }
}

async function openTablet(browser: Browser, setup: TabletSetup, index: number, errors: string[]): Promise<Tablet> {
  const seat = setup.seats[index]!;
  const page = await openPage(browser, errors, {
    viewport: tabletViewport(index),
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
    locale: seat.lang === 'nl' ? 'nl-NL' : 'en-GB',
  });
  await joinTablet(page, setup.participantLink, seat.name, seat.groupName, seat.lang);
  // The page must be able to come back without the network: wait until its service worker holds it.
  // A server reached over plain http on another host gets none (browsers keep them to secure pages).
  if (await page.evaluate(() => 'serviceWorker' in navigator)) await waitForServiceWorker(page);
  else setup.log.event(`tablet ${index + 1}: no service worker over ${new URL(setup.participantLink).protocol} here, so no reload without the network`);
  const personId = await participantIdOf(page, setup.boardId);
  setup.log.people.set(personId, {
    id: personId,
    name: seat.name,
    groupId: seat.groupId,
    stakeholderTable: seat.stakeholderTable,
    mixedTable: seat.mixedTable,
    device: 'tablet',
  });
  return { index, seat, page, personId, offline: false, written: [], pendingDots: [], made: 0, random: seededRandom(setup.seed * 7919 + index) };
}
