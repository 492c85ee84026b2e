/**
 * E2E: the rehearsal's browser tablets on a laid-out Future Search day. Two touch tablets (landscape
 * English, portrait Dutch) and the projector open through `openTablets`; the tablets write notes in
 * their areas, one loses its network, keeps writing, reloads while offline, places a dot offline and
 * comes back; a fresh stock client then finds every note the tablets logged exactly once, with its
 * text and area, and every logged dot.
 *
 * Why: the rehearsal's verdict rests on what the tablets log; this proves that what they log is what
 * the board got, through the app's own pages, across an outage and an offline reload.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isNoteInArea, listAreas, listDots, listGroups, listNotes, listVotes, readFacilitation } from '../../shared/index.ts';
import { ARTIFACTS_DIR } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { tokenOf } from '../helpers/server.ts';
import { RehearsalLog } from '../rehearsal/log.ts';
import { openTablets } from '../rehearsal/tablets.ts';
import { useE2eEnvironment } from './boardPage.ts';
import { openLaidOutDay } from './dayBoard.ts';

const env = useE2eEnvironment('olifant-e2e-rehearsal-tablets-');
const errors: string[] = [];

describe('the rehearsal tablets (headless Chromium)', () => {
  it('notes and a dot made on touch tablets, across an outage and an offline reload, reach the board exactly once', { timeout: 150_000 }, async () => {
    const { board, fac, room } = await openLaidOutDay(env, errors, 'Rehearsal tablets');
    const log = new RehearsalLog();
    const groups = listGroups(room.doc);
    for (const g of groups) log.groups.set(g.id, g.name);
    const { past, prouds } = readFacilitation(room.doc).agenda.areas;
    const areaFor = (i: number) => past![i]!;
    // Areas of a later task, far off screen: the tablets pan and pinch there with two fingers.
    const laterAreaFor = (i: number) => prouds![i * 2]!;
    const findNoteByText = (text: string) => listNotes(room.doc).find((n) => n.text === text)?.id;
    const group = (name: string) => groups.find((g) => g.name === name)!;

    const tablets = await openTablets({
      baseUrl: env.server.localUrl,
      boardId: board.id,
      participantLink: board.links.participant,
      projectorLink: board.links.projector,
      seats: [
        { name: 'Ann', groupName: 'Citizens', groupId: group('Citizens').id, stakeholderTable: null, mixedTable: null, lang: 'en' },
        { name: 'Bram', groupName: 'Care workers', groupId: group('Care workers').id, stakeholderTable: null, mixedTable: null, lang: 'nl' },
      ],
      log,
      seed: 21,
      findNoteByText,
      screenshotDir: ARTIFACTS_DIR,
    });
    try {
      await tablets.writeNotes('past', areaFor, 1);
      await tablets.screenshot('rehearsal-tablets-1-written');

      // The facilitator opens a dot vote on notes; both tablets will place a dot (Bram's offline).
      await fac.getByRole('button', { name: 'Dot vote' }).click();
      await fac.getByLabel('Vote on').selectOption('notes');
      await fac.getByRole('button', { name: 'Start a vote' }).click();
      await expect.poll(() => listVotes(room.doc).length, { timeout: 10_000 }).toBe(1);
      await tablets.waitForVote(listVotes(room.doc)[0]!.id, 10_000);
      // Bram's tablet loses the Wi-Fi, keeps writing, and reloads while still offline.
      await tablets.setOffline(1, true);
      await tablets.writeNotes('outage', areaFor, 1);
      await tablets.reload(1);
      await tablets.writeNotes('after reload', laterAreaFor, 1);
      const offlineNotes = [...log.notes.values()].filter((n) => n.authorId === tablets.personIds[1] && n.phase !== 'past');
      expect(offlineNotes).toHaveLength(2);
      // The outage is real: nothing Bram wrote meanwhile reached the board.
      expect(offlineNotes.filter((n) => findNoteByText(n.text) !== undefined)).toEqual([]);

      await tablets.vote(listVotes(room.doc)[0]!.id);
      await tablets.dragOne('drag');
      await tablets.screenshot('rehearsal-tablets-2-offline');
      await tablets.setOffline(1, false);
      await tablets.waitForNotes(log.notes.size, 30_000);
      await tablets.screenshot('rehearsal-tablets-3-back');

      // A fresh stock client reads the board: every logged note once, with its text and area.
      const fresh = connectClient(env.server.localUrl, board.id, tokenOf(board.links.participant));
      await waitSynced(fresh);
      const notes = listNotes(fresh.doc);
      const areas = listAreas(fresh.doc);
      const onBoard = [...log.notes.values()].map((n) => {
        const same = notes.filter((x) => x.text === n.text);
        const area = same[0] ? (areas.filter((a) => isNoteInArea(same[0]!, a)).at(-1)?.id ?? null) : null;
        return { text: n.text, copies: same.length, id: same[0]?.id, area };
      });
      expect(onBoard).toEqual([...log.notes.values()].map((n) => ({ text: n.text, copies: 1, id: n.id, area: n.areaId })));
      expect(log.notes.size).toBe(6);
      expect(notes.filter((n) => tablets.personIds.includes(n.authorId))).toHaveLength(6);
      // The tablets' dots on the board are exactly the logged ones (none a tap did not mean); Bram's was placed offline.
      const dots = listDots(fresh.doc).filter((d) => tablets.personIds.includes(d.voterId));
      expect(dots.map((d) => [d.id, d.voterId, d.itemId]).sort()).toEqual([...log.dots.values()].map((d) => [d.id, d.voterId, d.itemId]).sort());
      expect([...log.dots.values()].map((d) => [d.voterId, d.offline]).sort()).toEqual(
        [[tablets.personIds[0], false], [tablets.personIds[1], true]].sort(),
      );
      expect([...log.people.values()].map((p) => p.name).sort()).toEqual(['Ann', 'Bram']);
      fresh.destroy();
      expect(readdirSync(ARTIFACTS_DIR).filter((f) => f.startsWith('rehearsal-tablets-3-back'))).toHaveLength(3);
      expect([...errors, ...tablets.errors]).toEqual([]);
    } finally {
      await tablets.close();
    }
  });
});
