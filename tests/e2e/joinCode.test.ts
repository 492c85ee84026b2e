/**
 * E2E: the projector's join code (`/j/<code>`) reaches the board on a device that has used Olifant
 * before, whose service worker answers its navigations.
 *
 * Why: the service worker serves the app shell for every page it does not know, and the shell has no
 * route for `/j/<code>`: a returning tablet that scanned the QR code saw the start page, even after a
 * reload. The code must reach the server, which redirects to the current participant link.
 */
import { describe, expect, it } from 'vitest';
import type { JoinCodeAnswer } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { joinBoard, openPage, useE2eEnvironment, waitForServiceWorker } from './boardPage.ts';

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
