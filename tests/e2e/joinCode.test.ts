/**
 * E2E: the projector's join code (`/j/<code>`) reaches the board on a device that has used Olifant
 * before, whose service worker answers its navigations, and, for a board the device has, offline.
 *
 * Why: the service worker serves the app shell for every page it does not know, and the shell had no
 * route for `/j/<code>`: a returning tablet that scanned the QR code saw the start page, even after a
 * reload. The code must reach the server, which redirects to the current participant link. When the
 * venue's Wi-Fi drops, a tablet that has the board must still get there from the QR code, and one
 * that does not must be told why and what to do.
 */
import { describe, expect, it } from 'vitest';
import type { JoinCodeAnswer } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addNoteWithButton, joinBoard, openPage, useE2eEnvironment, waitForNotes, waitForServiceWorker } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-join-');

describe('the join code on a returning device', () => {
  it('opens the board from /j/<code> when a service worker controls the page', async () => {
    const errors: string[] = [];
    const earlier = await createBoard(env.server.localUrl, 'Yesterday');
    const today = await createBoard(env.server.localUrl, 'Future of the valley');
    const res = await fetch(`${env.server.localUrl}/api/boards/${today.id}/join`, {
      headers: { Authorization: `Bearer ${tokenOf(today.links.projector)}` },
    });
    expect(res.status).toBe(200);
    const { url } = (await res.json()) as JoinCodeAnswer;

    // A tablet that used Olifant yesterday: its service worker is installed and in control.
    const tablet = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(tablet, earlier.links.participant, 'Noor');
    await waitForServiceWorker(tablet);

    // Today it scans the QR code on the projector.
    await tablet.goto(url.replace(/^https?:\/\/[^/]+/, env.server.localUrl));
    await tablet.waitForURL(new RegExp(`/b/${today.id}#token=`));
    await tablet.locator('.status-connected').waitFor();
    await expect(tablet.locator('h1').textContent()).resolves.toBe('Future of the valley');
    await tablet.screenshot({ path: artifactPath('join-code-returning-tablet.png') });

    // A reload of the code's address lands there again, not on the start page.
    await tablet.goto(url.replace(/^https?:\/\/[^/]+/, env.server.localUrl));
    await tablet.waitForURL(new RegExp(`/b/${today.id}#token=`));
    await tablet.locator('.status-connected').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the join code offline', () => {
  it('opens a board this device has from /j/<code> without the network; an unknown code says what to do', async () => {
    const errors: string[] = [];
    const board = await createBoard(env.server.localUrl, 'Zorg in de regio 2035');
    const res = await fetch(`${env.server.localUrl}/api/boards/${board.id}/join`, {
      headers: { Authorization: `Bearer ${tokenOf(board.links.projector)}` },
    });
    const { url } = (await res.json()) as JoinCodeAnswer;
    const joinUrl = url.replace(/^https?:\/\/[^/]+/, env.server.localUrl);

    // A fresh phone scans the QR code online, joins and writes a note; its service worker installs.
    const phone = await openPage(env.browser, errors, { viewport: { width: 1024, height: 768 }, hasTouch: true });
    await joinBoard(phone, joinUrl, 'Sanne');
    expect(new URL(phone.url()).pathname).toBe(`/b/${board.id}`);
    await addNoteWithButton(phone, 'Wachttijden korter');
    await waitForNotes(phone, (ns) => ns.some((n) => n.text === 'Wachttijden korter'), 'the note');
    await waitForServiceWorker(phone);

    // The Wi-Fi drops; the QR code is scanned again.
    await phone.context().setOffline(true);
    await phone.goto(joinUrl);
    await phone.waitForURL(new RegExp(`/b/${board.id}#token=`));
    await expect.poll(() => phone.locator('h1').textContent()).toBe('Zorg in de regio 2035');
    await waitForNotes(phone, (ns) => ns.some((n) => n.text === 'Wachttijden korter'), 'the note from the local copy');
    await phone.screenshot({ path: artifactPath('join-code-offline-known.png') });

    // A code this device never saw cannot be opened offline: the page says why and what to do.
    await phone.goto(`${env.server.localUrl}/j/zz99zz99`);
    await phone.getByRole('heading', { name: 'This join code cannot be opened now' }).waitFor();
    await expect(phone.locator('main').textContent()).resolves.toMatch(/no connection to the server.*zz99zz99.*Wi-Fi/);
    await phone.getByRole('button', { name: 'Try again' }).waitFor();
    await phone.screenshot({ path: artifactPath('join-code-offline-unknown.png') });
    await phone.evaluate(() => localStorage.setItem('olifant.lang', 'nl'));
    await phone.reload();
    await phone.getByRole('heading', { name: 'Deze deelnamecode kan nu niet geopend worden' }).waitFor();
    await phone.screenshot({ path: artifactPath('join-code-offline-unknown-nl.png') });
    await phone.evaluate(() => localStorage.setItem('olifant.lang', 'en'));

    // Back online, the code goes through the server again.
    await phone.context().setOffline(false);
    await phone.goto(joinUrl);
    await phone.waitForURL(new RegExp(`/b/${board.id}#token=`));
    await phone.locator('.status-connected').waitFor();
    await phone.context().close();
    expect(errors).toEqual([]);
  });
});
