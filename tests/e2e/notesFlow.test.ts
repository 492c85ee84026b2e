/**
 * E2E: notes that never collide and no accidents. "+ Add note" on a landscape tablet puts each note
 * in free space among notes others made; a double-tap opens only a note that was under the finger at
 * the first tap (a note another tablet adds there between the taps is not edited); the selection bar
 * is away while a note is typed in; "Action card" says what it did in a toast whose Undo (or Ctrl+Z)
 * takes it back; "Make a cluster" gathers scattered notes so the outline covers only them and its
 * name shows; a cluster someone else made offers no rename or dissolve.
 *
 * Why: at a conference notes arrive from every table at once; one person's words were appended to
 * another's note, a cluster's outline hid notes that were not in it, and three notes became action
 * cards with one tap and no way back in sight.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCluster, createNote, listClusters, listNotes, ORIGIN, type Note } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitFor, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { doubleTap, drawnNotes, emptySpot, joinBoard, nextFrame, openEditor, openPage, useE2eEnvironment, viewCentre, waitForNotes } from './boardPage.ts';
import { overlap } from './layoutChecks.ts';

const env = useE2eEnvironment('olifant-e2e-notes-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true };

/** The board point under page point `p`. */
async function boardPoint(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(`(() => {
    const stage = window.Konva.stages[0];
    const box = stage.container().getBoundingClientRect();
    const s = stage.scaleX();
    return { x: (${p.x} - box.left - stage.x()) / s, y: (${p.y} - box.top - stage.y()) / s };
  })()`) as Promise<{ x: number; y: number }>;
}

/** Another person's device: a real y-websocket client on the participant link. */
async function otherDevice(board: { id: string; links: { participant: string } }): Promise<TestClient> {
  const c = connectClient(env.server.localUrl, board.id, tokenOf(board.links.participant));
  await waitSynced(c);
  return c;
}

type Box = { x: number; y: number; width: number; height: number };
const boxOf = (n: Pick<Note, 'x' | 'y' | 'w' | 'h'>) => ({ x: n.x, y: n.y, width: n.w, height: n.h });

describe('notes never collide (headless Chromium, 1024x768 touch)', () => {
  it('"+ Add note" finds free space among many notes others made around the view’s centre', async () => {
    const board = await createBoard(env.server.localUrl, 'Free space');
    const tablet = await openPage(env.browser, errors, TABLET);
    await joinBoard(tablet, board.links.participant, 'Tafel 3');
    const other = await otherDevice(board);
    const c = await viewCentre(tablet);
    // Another table's notes all around the centre, at odd places: a block of 7 x 7 with a gap.
    other.doc.transact(() => {
      for (let i = -3; i <= 3; i++) {
        for (let j = -3; j <= 3; j++) createNote(other.doc, { text: `Elders ${i},${j}`, x: c.x - 80 + i * 176 + 23, y: c.y - 80 + j * 176 - 17, authorId: 'elders' }, ORIGIN.local);
      }
    });
    await waitForNotes(tablet, (n) => n.length === 49, 'the other table’s notes');
    for (const text of ['Mijn eerste', 'Mijn tweede', 'Mijn derde']) {
      await tablet.getByRole('button', { name: 'Add note' }).tap();
      await openEditor(tablet).waitFor();
      await tablet.keyboard.type(text);
      await tablet.keyboard.press('Escape');
      await openEditor(tablet).waitFor({ state: 'detached' });
    }
    await waitFor(() => listNotes(other.doc).length === 52, 'my notes at the other device');
    const notes = listNotes(other.doc);
    const mine = notes.filter((n) => n.text.startsWith('Mijn'));
    expect(mine.map((n) => n.text).sort()).toEqual(['Mijn derde', 'Mijn eerste', 'Mijn tweede']);
    for (const n of mine) {
      const hit = notes.filter((o) => o.id !== n.id && overlap(boxOf(n), boxOf(o)));
      expect(hit.map((o) => o.text), `${n.text} lies on`).toEqual([]);
    }
    await tablet.screenshot({ path: artifactPath('notes-1-add-note-free-space.png') });
    other.destroy();
    await tablet.context().close();
  });

  it('a double-tap edits only a note that was under the finger at the first tap', async () => {
    const board = await createBoard(env.server.localUrl, 'Double-tap race');
    const tablet = await openPage(env.browser, errors, TABLET);
    await joinBoard(tablet, board.links.participant, 'Tafel 5');
    const other = await otherDevice(board);
    const spot = await emptySpot(tablet);
    const at = await boardPoint(tablet, spot);
    // First tap on empty board; the other table's note arrives under the finger; second tap.
    let theirs = '';
    await doubleTap(tablet, spot.x, spot.y, async () => {
      theirs = createNote(other.doc, { text: 'Theirs', x: at.x - 80, y: at.y - 80, authorId: 'other' }, ORIGIN.local);
      await waitForNotes(tablet, (n) => n.some((d) => d.text === 'Theirs'), 'their note under my finger', 2_000);
    });
    await nextFrame(tablet);
    // Typing now must not go into their note (a new note of mine, or no editor at all).
    if ((await openEditor(tablet).count()) > 0) {
      await tablet.keyboard.type(' and mine');
      await tablet.keyboard.press('Escape');
    }
    await tablet.waitForTimeout(300);
    await waitFor(() => listNotes(other.doc).find((n) => n.id === theirs) !== undefined, 'their note');
    expect(listNotes(other.doc).find((n) => n.id === theirs)?.text).toBe('Theirs');
    // A double-tap that begins on their note, now that it is there, opens it.
    await tablet.touchscreen.tap(spot.x + 200, spot.y);
    await doubleTap(tablet, spot.x, spot.y);
    await openEditor(tablet).waitFor();
    other.destroy();
    await tablet.context().close();
  });
});

describe('the undo toast on a phone, in Dutch (headless Chromium, 390x844 touch)', () => {
  it('"Actiekaart" from the selection’s ⋯ says what it did, and "Ongedaan maken" takes it back', async () => {
    const board = await createBoard(env.server.localUrl, 'Trends');
    const phone = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await joinBoard(phone, board.links.participant, 'Kai');
    const other = await otherDevice(board);
    const c = await viewCentre(phone);
    const id = createNote(other.doc, { text: 'Vergrijzing', x: c.x - 80, y: c.y - 80, authorId: 'other' }, ORIGIN.local);
    const [note] = await waitForNotes(phone, (n) => n.length === 1, 'the note');
    await phone.getByRole('button', { name: 'Taal: Nederlands' }).click();
    await phone.touchscreen.tap(note!.cx, note!.cy);
    await phone.getByRole('button', { name: 'Meer voor de selectie' }).tap();
    await phone.getByRole('button', { name: 'Actiekaart' }).tap();
    const kind = () => listNotes(other.doc).find((n) => n.id === id)?.kind;
    await waitFor(() => kind() === 'action', 'an action card');
    const toast = phone.getByTestId('undo-toast');
    await expect.poll(() => toast.textContent()).toContain('1 notitie werd een actiekaart');
    await phone.screenshot({ path: artifactPath('notes-6-toast-phone-nl.png') });
    await toast.getByRole('button', { name: 'Ongedaan maken' }).tap();
    await waitFor(() => kind() === 'note', 'a plain note again');
    other.destroy();
    await phone.context().close();
  });
});

describe('no accidents, and clusters that look right (headless Chromium, 1440x900 laptop)', () => {
  it('the bar is away while typing; "Action card" on three notes shows an undo toast; Undo and Ctrl+Z take it back in one step', async () => {
    const board = await createBoard(env.server.localUrl, 'Trends');
    const page = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(page, board.links.participant, 'Ines');
    const other = await otherDevice(board);
    const c = await viewCentre(page);
    const ids = ['Vergrijzing', 'Ageing', 'Eenzaamheid'].map((text, i) => createNote(other.doc, { text, x: c.x - 300 + i * 220, y: c.y - 80, authorId: 'other' }, ORIGIN.local));
    const drawn = await waitForNotes(page, (n) => n.length === 3, 'the three trend notes');

    // Typing in a note: no selection bar (with Action card and Delete) anywhere to tap by mistake.
    await page.mouse.dblclick(drawn[0]!.cx, drawn[0]!.cy);
    await openEditor(page).waitFor();
    expect(await page.getByRole('toolbar', { name: 'Selection', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await openEditor(page).waitFor({ state: 'detached' });

    // Three notes selected, one tap on "Action card".
    for (const [i, n] of drawn.entries()) {
      if (i === 0) await page.mouse.click(n.cx, n.cy);
      else {
        await page.keyboard.down('Shift');
        await page.mouse.click(n.cx, n.cy);
        await page.keyboard.up('Shift');
      }
    }
    await page.getByRole('toolbar', { name: 'Selection', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Action card' }).click();
    const kinds = () => ids.map((id) => listNotes(other.doc).find((n) => n.id === id)?.kind);
    await waitFor(() => kinds().every((k) => k === 'action'), 'three action cards');
    const toast = page.getByTestId('undo-toast');
    await expect.poll(() => toast.textContent()).toContain('3 notes became action cards');
    await page.screenshot({ path: artifactPath('notes-3-action-card-toast.png') });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await waitFor(() => kinds().every((k) => k === 'note'), 'the three notes plain again');
    await toast.waitFor({ state: 'detached' });

    // Again, and Ctrl+Z: one step back too.
    await page.getByRole('button', { name: 'Action card' }).click();
    await waitFor(() => kinds().every((k) => k === 'action'), 'three action cards again');
    await toast.waitFor();
    await page.keyboard.press('Control+z');
    await waitFor(() => kinds().every((k) => k === 'note'), 'Ctrl+Z: the three notes plain again');
    await toast.waitFor({ state: 'detached' });
    other.destroy();
    await page.context().close();
  });

  it('"Make a cluster" on scattered notes gathers them: the outline covers only its notes, its name shows', async () => {
    const board = await createBoard(env.server.localUrl, 'Clusters');
    const facilitator = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
    await waitSynced(facilitator);
    const page = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(page, board.links.participant, 'Ines');
    const c = await viewCentre(page);
    // Four notes about care at home at the corners, six other notes between them.
    const corners = [[-520, -300], [360, -300], [-520, 160], [360, 160]];
    const members = ['Zorg thuis', 'Care at home', 'Thuiszorg', 'Home care'].map((text, i) =>
      createNote(facilitator.doc, { text, x: c.x + corners[i]![0]!, y: c.y + corners[i]![1]!, authorId: 'fien' }, ORIGIN.local),
    );
    for (let i = 0; i < 6; i++) createNote(facilitator.doc, { text: `Anders ${i}`, x: c.x - 300 + (i % 3) * 200, y: c.y - 160 + Math.floor(i / 3) * 200, authorId: 'fien' }, ORIGIN.local);
    // The facilitator's own cluster elsewhere: not for a participant to rename or dissolve.
    const theirs = createNote(facilitator.doc, { text: 'Mobiliteit', x: c.x + 580, y: c.y - 40, authorId: 'fien' }, ORIGIN.local);
    createCluster(facilitator.doc, [theirs], 'Facilitator’s', ORIGIN.local, 'fien');
    const drawn = await waitForNotes(page, (n) => n.length === 11, 'the notes');
    const picked = members.map((id) => drawn.find((d) => d.id === id)!);
    await page.mouse.click(picked[0]!.cx, picked[0]!.cy);
    await page.keyboard.down('Shift');
    for (const n of picked.slice(1)) await page.mouse.click(n.cx, n.cy);
    await page.keyboard.up('Shift');
    await page.getByRole('button', { name: 'Make a cluster' }).click();
    const label = page.getByRole('textbox', { name: 'Rename cluster' });
    await label.fill('Zorg thuis · Care at home');
    await label.press('Enter');
    await waitFor(() => listClusters(facilitator.doc).some((k) => k.label === 'Zorg thuis · Care at home'), 'the cluster at the facilitator');
    await nextFrame(page);

    const layout = (await page.evaluate(`(() => {
      const stage = window.Konva.stages[0];
      const box = stage.container().getBoundingClientRect();
      const rect = (n) => { const r = n.getClientRect(); return { x: box.left + r.x, y: box.top + r.y, width: r.width, height: r.height }; };
      const cluster = stage.find('.cluster').find((k) => k.findOne('Text')?.text().startsWith('Zorg thuis'));
      if (!cluster) return stage.find('.cluster').map((k) => k.find('Text').map((t) => t.text()));
      return {
        outline: rect(cluster),
        label: rect(cluster.findOne('Text')),
        notes: stage.find('.note').map((n) => ({ id: n.id(), box: rect(n) })),
      };
    })()`)) as { outline: Box; label: Box; notes: { id: string; box: Box }[] };
    const strangers = layout.notes.filter((n) => !members.includes(n.id) && overlap(n.box, layout.outline));
    expect(strangers.map((n) => n.id)).toEqual([]);
    expect(layout.notes.filter((n) => members.includes(n.id)).every((n) => overlap(n.box, layout.outline))).toBe(true);
    // The name is on screen and no note lies over it.
    expect(layout.label.x).toBeGreaterThanOrEqual(0);
    expect(layout.label.y).toBeGreaterThanOrEqual(0);
    expect(layout.label.x + 40).toBeLessThanOrEqual(1440);
    expect(layout.notes.filter((n) => overlap(n.box, layout.label))).toEqual([]);
    await page.screenshot({ path: artifactPath('notes-4-make-a-cluster-gathered.png') });

    // Mine: rename and dissolve offered. The facilitator's: neither, and a word why.
    await expect.poll(() => page.getByRole('button', { name: 'Dissolve cluster' }).count()).toBe(1);
    // The whole board in view, to find the facilitator's cluster.
    await page.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await nextFrame(page);
    const bar = (await page.evaluate(`(() => {
      const stage = window.Konva.stages[0];
      const box = stage.container().getBoundingClientRect();
      const cluster = stage.find('.cluster').find((k) => k.findOne('Text').text().startsWith('Facilitator'));
      const r = cluster.findOne('.cluster-bar').getClientRect();
      return { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 };
    })()`)) as { x: number; y: number };
    await page.mouse.click(bar.x, bar.y);
    await page.getByText('Only the facilitator or whoever made this cluster can rename or dissolve it.').waitFor();
    expect(await page.getByRole('button', { name: 'Dissolve cluster' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rename cluster' }).count()).toBe(0);
    await page.screenshot({ path: artifactPath('notes-5-cluster-not-mine.png') });
    facilitator.destroy();
    await page.context().close();
  });
});
