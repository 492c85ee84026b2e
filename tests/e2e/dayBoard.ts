/**
 * E2E set-up of a Future Search day: a board with two stakeholder groups laid out by the template on
 * a facilitator's 1440x900 laptop, with a second connection (`room`) that reads and writes the board
 * as the facilitator; and confirming an item into one of the three lists from the Common ground panel.
 *
 * Why: the summon, wall, projector and whole-day tests start from the same laid-out day and confirm
 * the same way; one set-up keeps them starting alike.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from '../../server/server.ts';
import { readFacilitation } from '../../shared/index.ts';
import { connectClient, waitSynced, type TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addGroups, joinBoard, layOutFutureSearch, openPage } from './boardPage.ts';

type CreatedBoard = Awaited<ReturnType<typeof createBoard>>;

/** A new board titled `title`, laid out for the day by the facilitator Fien (Citizens, Care workers). */
export async function openLaidOutDay(
  env: { readonly server: RunningServer; readonly browser: Browser },
  errors: string[],
  title: string,
): Promise<{ board: CreatedBoard; fac: Page; room: TestClient }> {
  const board = await createBoard(env.server.localUrl, title);
  const fac = await openPage(env.browser, errors, { viewport: { width: 1440, height: 900 } });
  await joinBoard(fac, board.links.facilitator, 'Fien');
  await addGroups(fac, ['Citizens', 'Care workers']);
  await layOutFutureSearch(fac);
  const room = connectClient(env.server.localUrl, board.id, tokenOf(board.links.facilitator));
  await waitSynced(room);
  // The layout writes every task's areas and the agenda in one change: six tasks means all areas.
  await expect.poll(() => Object.keys(readFacilitation(room.doc).agenda.areas).length, { timeout: 10_000 }).toBe(6);
  return { board, fac, room };
}

/** Confirms the item named `label` into `list` from the facilitator's open Common ground panel. */
export async function confirmAs(fac: Page, label: string, list: string): Promise<void> {
  await fac.locator('.agreement-item .outline-note', { hasText: label }).first().click();
  await fac.locator('.stance-editor h3', { hasText: label }).waitFor();
  await fac.locator('.stance-editor').getByRole('button', { name: list, exact: true }).click();
  await expect.poll(() => fac.locator('.stance-editor').getByRole('button', { name: list, exact: true }).getAttribute('aria-pressed')).toBe('true');
}
