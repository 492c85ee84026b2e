/**
 * E2E: a participant's landscape tablet (1024x768, touch) on a board the facilitator set to notes
 * only shows no area, connector, cluster or vote tools and says why; once the facilitator switches
 * to everything, the tools are back on the same page without a reload.
 *
 * Why: what is off must not be offered (the server would refuse it), and a participant should know
 * the facilitator chose it, not hunt for a missing button.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, ORIGIN, setParticipantTools } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, openPage, useE2eEnvironment, waitForNotes } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-tools-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const NOTES_ONLY = 'The facilitator has set this board to notes only.';

describe('tools the facilitator lets participants use (headless Chromium, touch tablet)', () => {
  it('notes only hides areas, connectors and clusters on the tablet; everything brings them back', async () => {
    const board = await createBoard(env.server.localUrl, 'Zorg 2035');
    // The facilitator's laptop, as a stock y-websocket client.
    const facilitator = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator), new Y.Doc());
    await waitSynced(facilitator);
    createNote(facilitator.doc, { text: 'Wachtlijsten', x: 0, y: 0, authorId: 'fien' }, ORIGIN.local);
    setParticipantTools(facilitator.doc, 'notes', ORIGIN.local);

    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(tablet, board.links.participant, 'Ann');
    await tablet.getByText(NOTES_ONLY).waitFor();
    const [note] = await waitForNotes(tablet, (n) => n.length === 1, 'the facilitator’s note');
    await tablet.touchscreen.tap(note!.cx, note!.cy);
    await tablet.getByRole('toolbar', { name: 'Selection', exact: true }).waitFor();
    const shown = async (name: string) => tablet.getByRole('button', { name, exact: true }).count();
    const tools = ['Add area', 'Connect', 'Make a cluster', 'Clusters', 'Dot vote', 'Action card'];
    expect(Object.fromEntries(await Promise.all(tools.map(async (t) => [t, await shown(t)] as const)))).toEqual(Object.fromEntries(tools.map((t) => [t, 0])));
    // Nor in the toolbar's "more" menu.
    const more = tablet.getByRole('toolbar', { name: 'Board tools' }).getByRole('button', { name: 'More tools' });
    if (await more.count()) {
      await more.tap();
      expect(await shown('Add area')).toBe(0);
      await more.tap();
    }
    await tablet.screenshot({ path: artifactPath('tools-notes-only-tablet-1024.png') });

    setParticipantTools(facilitator.doc, 'everything', ORIGIN.local);
    await expect.poll(() => tablet.getByText(NOTES_ONLY).count(), { timeout: 10_000 }).toBe(0);
    for (const name of ['Add area', 'Connect', 'Make a cluster', 'Action card']) {
      await expect.poll(() => shown(name), { timeout: 10_000, message: name }).toBe(1);
    }
    await tablet.screenshot({ path: artifactPath('tools-everything-tablet-1024.png') });
    facilitator.destroy();
  });
});
