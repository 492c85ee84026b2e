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
import { percentile } from '../stats.ts';

export interface TabletFrames {
  frames: number;
  p50: number;
  p95: number;
  max: number;
}

/** Opens `link` as a participant tablet and waits until it is connected; returns a recorder. */
export async function openTablet(browser: Browser, link: string): Promise<{ record(seconds: number, screenshot: string): Promise<TabletFrames>; close(): Promise<void> }> {
  const errors: string[] = [];
  const page = await openPage(browser, errors, { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  await joinBoard(page, link, 'Tablet');
  return {
    async record(seconds, screenshot) {
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      await page.evaluate(`(() => {
        window.__frames = [];
        window.__stop = false;
        let last = performance.now();
        const tick = (now) => {
          window.__frames.push(now - last);
          last = now;
          if (!window.__stop) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      await page.waitForTimeout(seconds * 1000);
      const frames = (await page.evaluate(`(() => { window.__stop = true; return window.__frames.slice(1); })()`)) as number[];
      await page.screenshot({ path: screenshot });
      return { frames: frames.length, p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames) };
    },
    close: () => page.context().close(),
  };
}
