/**
 * E2E: suggested clusters in the Clusters panel of the real client. A bilingual wall gets one
 * proposal per theme (Dutch and English notes together, nothing joined on "fast" alone), and a
 * cluster the room accepted teaches the next round its words.
 *
 * Why: the grouping is unit-tested in shared/; only the built client shows that the panel feeds it
 * the board's clusters and that a person can read the proposals on a laptop and a phone, in English
 * and in Dutch.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser.ts';
import { createBoard } from '../helpers/server.ts';
import { joinBoard, openPage, useE2eEnvironment } from './boardPage.ts';

const env = useE2eEnvironment('olifant-e2e-suggestions-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const STAFF = ['Personeelstekort in de thuiszorg', 'Staff shortage in home care', 'Vacatures blijven maanden open', 'Not enough nurses for the night shift', 'Tekort aan verpleegkundigen'];
const FAST = ['Fast bus to the hospital', 'Fast internet in every village', 'Fast decisions by the council'];
const OTHERS = [
  'Buurtbus voor ouderen in het dorp', 'Trein elk kwartier naar de stad', 'Bus stops closer to home',
  'Glasvezel in het buitengebied', 'Online banking is hard for older people', 'Digitale vaardigheden voor senioren',
  'Inspraak voor bewoners bij nieuwe plannen', 'Citizens assembly on the future of care', 'Gemeenteraad legt besluiten beter uit',
  'Koffie was lekker',
];
/** A theme the concept list does not know: the room's own cluster has to teach it. */
const CARNIVAL = ['Optocht met praalwagens en kapel', 'Praalwagens en kapel voor de optocht', 'Prinsenwagen in de optocht met kapel', 'Kapel en prinsenwagen bij de optocht'];
/** Two carnival notes with no word in common, each sharing two with the cluster above. */
const LATER = ['Praalwagens versieren voor de optocht', 'Kapel oefent voor de prinsenwagen'];

/** The proposals in the panel, each as the texts of its notes. */
function proposals(page: Page): Promise<string[][]> {
  return page.locator('.proposal').evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll('li')].map((li) => li.textContent?.trim() ?? '')));
}

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('suggested clusters in the browser (headless Chromium)', () => {
  it('propose each bilingual theme once, never on "fast" alone, and learn from an accepted cluster', async () => {
    const board = await createBoard(env.server.localUrl, 'Suggestions');
    const page = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(page, board.links.facilitator, 'Fien');
    await page.getByRole('button', { name: 'Add area' }).click();
    await page.keyboard.type('Wall');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Facilitator', exact: true }).click();
    const texts = [...STAFF, ...FAST, ...OTHERS, ...CARNIVAL, ...LATER];
    const csv = `text,group\n${texts.map((t) => `"${t}",`).join('\n')}\n`;
    await page.getByLabel(/Import notes from a CSV file/).setInputFiles({ name: 'wall.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText(`${texts.length} notes imported.`).waitFor();

    await page.getByRole('button', { name: 'Clusters' }).click();
    await page.getByRole('button', { name: `Suggest for the ${texts.length} unclustered notes` }).click();
    await expect.poll(async () => (await proposals(page)).length).toBeGreaterThan(0);
    const first = await proposals(page);
    // The staff theme, three notes in Dutch and two in English, is one proposal.
    expect(first.map(sorted), JSON.stringify(first)).toContainEqual(sorted(STAFF));
    // No proposal holds two of the "fast" notes (bus, internet, council).
    for (const p of first) expect(p.filter((t) => FAST.includes(t)).length, JSON.stringify(p)).toBeLessThanOrEqual(1);
    await page.screenshot({ path: artifactPath('suggestions-laptop-1440-en.png') });

    // The room keeps four carnival notes as a cluster and leaves the other two for later.
    const card = page.locator('.proposal').filter({ hasText: CARNIVAL[0]! });
    for (const text of LATER) await card.getByRole('checkbox', { name: text }).uncheck();
    await card.getByRole('button', { name: 'Accept' }).click();
    await card.waitFor({ state: 'detached' });

    // The next round proposes the two later notes together: they fit the cluster the room made.
    const rest = texts.length - CARNIVAL.length;
    await page.getByRole('button', { name: `Suggest for the ${rest} unclustered notes` }).click();
    await expect.poll(async () => (await proposals(page)).map(sorted)).toContainEqual(sorted(LATER));
  });

  it('reads well on a phone in Dutch', async () => {
    const board = await createBoard(env.server.localUrl, 'Voorstellen');
    const laptop = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
    await joinBoard(laptop, board.links.facilitator, 'Fien');
    await laptop.getByRole('button', { name: 'Add area' }).click();
    await laptop.keyboard.type('Muur');
    await laptop.keyboard.press('Enter');
    await laptop.getByRole('button', { name: 'Facilitator', exact: true }).click();
    const texts = [...STAFF, ...FAST, ...OTHERS];
    await laptop.getByLabel(/Import notes from a CSV file/).setInputFiles({ name: 'muur.csv', mimeType: 'text/csv', buffer: Buffer.from(`text\n${texts.map((t) => `"${t}"`).join('\n')}\n`) });
    await laptop.getByText(`${texts.length} notes imported.`).waitFor();

    const phone = await openPage(env.browser, errors, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'nl-NL' });
    await phone.goto(board.links.participant);
    await phone.getByLabel('Je naam').fill('Sam');
    await phone.getByRole('button', { name: 'Naar het bord' }).click();
    await phone.locator('.status-connected').waitFor();
    const notNow = phone.getByRole('button', { name: 'Niet nu' });
    if (await notNow.isVisible().catch(() => false)) await notNow.click();
    // On a phone the panel buttons that do not fit sit under "More tools".
    const clusters = phone.getByRole('button', { name: 'Clusters' });
    if (!(await clusters.isVisible())) await phone.getByRole('toolbar', { name: 'Bordgereedschap' }).getByRole('button', { name: 'Meer gereedschap' }).tap();
    await clusters.tap();
    await phone.getByText(/Nederlandse en Engelse woorden voor hetzelfde/).waitFor();
    await phone.getByRole('button', { name: `Voorstellen voor de ${texts.length} notities zonder cluster` }).tap();
    await expect.poll(async () => (await proposals(phone)).map(sorted)).toContainEqual(sorted(STAFF));
    await phone.screenshot({ path: artifactPath('suggestions-phone-390-nl.png') });
    await phone.locator('.proposal').last().scrollIntoViewIfNeeded();
    await phone.screenshot({ path: artifactPath('suggestions-phone-390-nl-last.png') });
  });
});
