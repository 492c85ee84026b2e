/**
 * The tablet in a crowd: a portrait tablet page (768 x 1024, touch) of the real client, joined to a
 * board while probe clients fill the room, records its frame times (requestAnimationFrame deltas) and
 * keeps a screenshot of what it shows.
 *
 * Why: the server may keep up with 300 people and a tablet still stutter under their presence; the
 * frame times are the figure a person feels.
 */
import type { Browser } from 'playwright-core';
import { joinBoard, openPage } from '../../tests/helpers/pageActions.ts';
import { frameTimes, type Frames } from '../clientScenario.ts';

/** The tablet's frames while the room was busy. */
export type TabletFrames = Frames;

/** Opens `link` as a participant tablet and waits until it is connected; returns a recorder. */
export async function openTablet(browser: Browser, link: string): Promise<{ record(seconds: number, screenshot: string): Promise<TabletFrames>; close(): Promise<void> }> {
  const errors: string[] = [];
  const page = await openPage(browser, errors, { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  await joinBoard(page, link, 'Tablet');
  return {
    async record(seconds, screenshot) {
      const frames = await frameTimes(page, () => page.waitForTimeout(seconds * 1000));
      await page.screenshot({ path: screenshot });
      // And the whole board, as a person sees the room when they zoom out: head counts per table.
      await page.getByRole('button', { name: 'Zoom to fit everything' }).click();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: screenshot.replace(/\.png$/, '-board.png') });
      return frames;
    },
    close: () => page.context().close(),
  };
}
