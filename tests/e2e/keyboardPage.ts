/**
 * What the keyboard e2e tests read and do on a page: where focus is, joining by typing, Tab until a
 * control has focus, writing a note by keys, and which note the canvas's focus ring is drawn around.
 *
 * Why: a keyboard user's page is driven by keys only; these steps are shared by the keyboard tests
 * and kept apart so each test reads as what the person does.
 */
import type { Page } from 'playwright-core';
import { openEditor } from './boardPage.ts';

/** What has focus: the canvas, or a description of the element. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.dataset.testid === 'canvas') return 'canvas';
    if (el.closest('[role="dialog"]')) return `dialog:${el.textContent?.trim() ?? ''}`;
    return `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`;
  });
}

/** Joins by typing the name and pressing Enter (the name field has focus when the page opens). */
export async function joinByKeyboard(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await page.getByLabel('Your name').waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await page.locator('.status-connected').waitFor();
}

/** Presses Tab until the element with accessible name `label` has focus (at most `max` times). */
export async function tabTo(page: Page, label: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).endsWith(`:${label}`)) return;
  }
  throw new Error(`Tab never reached “${label}”; focus is on ${await focused(page)}`);
}

/** Writes a new note by keyboard (N, type, Escape). */
export async function writeNote(page: Page, text: string): Promise<void> {
  await page.keyboard.press('n');
  await openEditor(page).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await openEditor(page).waitFor({ state: 'detached' });
}

/** The note the focus ring is drawn around, if any. */
export function ringedNote(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const stage = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const ring = stage?.findOne('.focus-ring');
    return ring ? String(ring.id()).replace('focus-ring-', '') : null;
  });
}
