/**
 * E2E: one device, several tabs, and a tab closed right after an edit, all while the server is down.
 *
 * Why: on a tablet, a tab can be closed (or the browser killed) a moment after the last keystroke;
 * that keystroke must be there when the board is opened again, offline. Tabs of one device share the
 * stored copy and see each other's edits live without any server.
 */
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { addNoteWithButton, joinBoard, openEditor, useRestartableE2e, waitForNotes } from './boardPage.ts';

const env = useRestartableE2e('olifant-e2e-tabs-');

describe('tabs on one device, offline (headless Chromium)', () => {
  it('two tabs share the copy live, and an edit made just before closing a tab is there when it reopens', async () => {
    const board = await createBoard((await env.start()).localUrl, 'Tabs e2e');
    const context = await env.browser.newContext({ viewport: { width: 1100, height: 750 } });
    const errors: string[] = [];
    const first = await context.newPage();
    first.on('pageerror', (e) => errors.push(e.message));
    await joinBoard(first, board.links.participant, 'Tafel 6');
    await first.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 20_000 });
    const second = await context.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    await second.goto(board.links.participant);
    await second.locator('.status-connected').waitFor();

    await env.stop();
    await first.locator('.status-offline, .status-reconnecting').first().waitFor();

    // Typed in one tab, seen in the other, with no server.
    await addNoteWithButton(first, 'Shared between tabs');
    await waitForNotes(second, (n) => n.some((x) => x.text === 'Shared between tabs'), 'the other tab to see the note');

    // The last keystrokes, then the tab is closed at once.
    await second.getByRole('button', { name: 'Add note' }).click();
    await openEditor(second).waitFor();
    await second.keyboard.type('Typed just before closing');
    await second.close();
    await first.close();

    const again = await context.newPage();
    again.on('pageerror', (e) => errors.push(e.message));
    await again.goto(board.links.participant);
    const notes = await waitForNotes(again, (n) => n.length === 2, 'both notes after reopening offline');
    expect(notes.map((n) => n.text).sort()).toEqual(['Shared between tabs', 'Typed just before closing']);
    await again.screenshot({ path: artifactPath('tabs-1-reopened-offline.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
