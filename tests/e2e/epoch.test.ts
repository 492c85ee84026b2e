/**
 * E2E: a tablet's stale copy of a board that was restored (a new epoch) is not merged: no deleted
 * note comes back, nothing doubles, and the person chooses what happens to the copy.
 *
 * Why: Yjs would merge any two copies; the epoch check is what stops a restored board from being
 * silently polluted by an old device.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createNote, initBoard, listNotes, ORIGIN } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { connectClient, waitSynced } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addNoteWithButton, joinBoard, openPage, useRestartableE2e, waitForNotes } from './boardPage.ts';

const env = useRestartableE2e('olifant-e2e-epoch-');
const errors: string[] = [];

describe('a stale device copy after a restore (headless Chromium)', () => {
  it('is kept apart, and discarding it leaves exactly the restored board', async () => {
    const board = await createBoard((await env.start()).localUrl, 'Epoch e2e');
    const page = await openPage(env.browser, errors);
    await joinBoard(page, board.links.participant, 'Tafel 5');
    for (const text of ['Old one', 'Old two']) await addNoteWithButton(page, text);
    await waitForNotes(page, (n) => n.length === 2, 'two notes');
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20_000 });
    await env.stop();

    // An administrator restores an older backup in place: a new epoch, one note, "Old two" gone.
    const restored = new Y.Doc();
    initBoard(restored, { title: 'Epoch e2e' }, ORIGIN.server);
    createNote(restored, { text: 'Restored note', x: 0, y: 0, authorId: 'backup' }, ORIGIN.server);
    const db = new Database(join(env.dataDir, 'olifant.sqlite'));
    db.prepare('UPDATE board_state SET state = ? WHERE board_id = ?').run(Y.encodeStateAsUpdate(restored), board.id);
    db.prepare('DELETE FROM updates WHERE board_id = ?').run(board.id);
    db.close();

    // The tablet, offline, keeps working on its copy and reloads.
    await page.reload();
    await waitForNotes(page, (n) => n.length === 2, 'the local copy after the reload');
    const server = await env.start();

    await page.getByRole('alertdialog').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('epoch-1-conflict.png') });
    // Nothing of the stale copy reached the server meanwhile.
    const probe = connectClient(server.localUrl, board.id, tokenOf(board.links.participant));
    await waitSynced(probe);
    expect(listNotes(probe.doc).map((n) => n.text)).toEqual(['Restored note']);

    await page.getByRole('button', { name: 'Discard the copy on this device' }).click();
    await page.locator('.status-connected').waitFor({ timeout: 30_000 });
    const shown = await waitForNotes(page, (n) => n.length === 1, 'the restored board only');
    expect(shown.map((n) => n.text)).toEqual(['Restored note']);
    await page.screenshot({ path: artifactPath('epoch-2-discarded.png') });
    await new Promise((r) => setTimeout(r, 500));
    expect(listNotes(probe.doc).map((n) => n.text)).toEqual(['Restored note']);
    probe.destroy();
    expect(errors).toEqual([]);
  });
});
