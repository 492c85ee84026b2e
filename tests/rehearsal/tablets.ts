/**
 * Real tablets in the rehearsal: Chromium pages with touch that join by the participant link and do
 * what people do through the UI (double-tap, typing, drag, a dot), and the projector page that stays
 * open all day.
 *
 * Why: protocol-level participants prove the server and the rules; only real pages prove that the
 * app itself keeps up with a busy room, an outage and a reload while offline.
 */
import type { RehearsalLog } from './log.ts';

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
}

export async function openTablets(_setup: TabletSetup): Promise<TabletRoom> {
  throw new Error('the browser tablets are not built yet');
}
