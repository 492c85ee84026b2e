/**
 * The client scenarios in headless Chromium, Olifant beside a bare Konva page: first render of a
 * board, then frame times (requestAnimationFrame) while one script pans, zooms and drags on both.
 *
 * Why: "smooth" is a number, and a number means little without the floor under it. The bare page
 * (bench/barePage.ts) draws the same rectangles with nothing else, in the same browser, so the ratio
 * says what Olifant's own machinery costs. The board is made through the real server by a Node client,
 * laid out as a conference's tables would be (tables of 80 notes, 8 tables a row).
 */
import type { Browser, Page } from 'playwright-core';
import { createNote, notesMap, ORIGIN } from '../shared/index.ts';
import { connectClient, waitFor, waitSynced } from '../tests/helpers/clients.ts';
import { createBoard } from '../tests/helpers/server.ts';
import { barePageHtml, type BareNote } from './barePage.ts';
import { percentile } from './stats.ts';

export interface Frames {
  /** Frames drawn during the action. */
  frames: number;
  p50: number;
  p95: number;
  max: number;
}

export interface ClientRun {
  /** Opening the page to every note drawn, in ms. */
  firstRenderMs: number;
  /** The whole board in view. */
  pan: Frames;
  zoom: Frames;
  /** About 1:1 on one table: dragging a note. */
  drag: Frames;
}

/** The notes of a board of `n`: tables of 80 (8 x 10), 8 tables a row. */
export function layout(n: number): BareNote[] {
  return Array.from({ length: n }, (_, i) => {
    const table = Math.floor(i / 80);
    const k = i % 80;
    return {
      text: `Table ${table} note ${k}: a perspective on the future of care`,
      x: (table % 8) * 1600 + (k % 8) * 180,
      y: Math.floor(table / 8) * 2000 + Math.floor(k / 8) * 180,
    };
  });
}

/** Makes a board of `n` notes on the server; returns its participant link. */
export async function seedBoard(serverUrl: string, n: number): Promise<string> {
  const board = await createBoard(serverUrl, `${n} notes`);
  const token = new URL(board.links.participant).hash.slice('#token='.length);
  const writer = connectClient(serverUrl, board.id, token);
  await waitSynced(writer);
  // A thousand notes an update, well under the server's message size limit.
  const notes = layout(n);
  for (let i = 0; i < n; i += 1000) {
    writer.doc.transact(() => {
      for (const note of notes.slice(i, i + 1000)) createNote(writer.doc, { ...note, authorId: 'bench' }, ORIGIN.local);
    });
  }
  await waitFor(() => notesMap(writer.doc).size === n, 'notes made', 120_000);
  // Until the server has it all: a fresh reader sees every note.
  const reader = connectClient(serverUrl, board.id, token);
  await waitSynced(reader);
  await waitFor(() => notesMap(reader.doc).size === n, 'notes stored', 120_000);
  reader.destroy();
  writer.destroy();
  return board.links.participant;
}

/** The page's frame times (requestAnimationFrame deltas, ms) while `action` runs. */
export async function frameTimes(page: Page, action: () => Promise<void>): Promise<Frames> {
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
  await action();
  const frames = (await page.evaluate(`(() => { window.__stop = true; return window.__frames.slice(1); })()`)) as number[];
  return { frames: frames.length, p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames) };
}

/** The same gestures on both pages: Space+drag pans (anywhere), the wheel zooms, a plain drag moves a note. */
async function script(page: Page, fitWholeBoard: () => Promise<void>): Promise<Omit<ClientRun, 'firstRenderMs'>> {
  await fitWholeBoard();
  await page.waitForTimeout(300);
  const pan = await frameTimes(page, async () => {
    await page.keyboard.down('Space');
    await page.mouse.move(300, 400);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(300 + i * 10, 400 + Math.sin(i / 6) * 120);
    await page.mouse.up();
    await page.keyboard.up('Space');
  });
  const zoom = await frameTimes(page, async () => {
    await page.mouse.move(640, 400);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -100 : 100);
  });
  // Wheel in on one note (the middle of the first table) until about 1:1, then drag it.
  await fitWholeBoard();
  await page.waitForTimeout(300);
  const at = await zoomInOn(page, { x: 800, y: 980 });
  await page.waitForTimeout(300);
  const drag = await frameTimes(page, async () => {
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 0; i < 40; i++) await page.mouse.move(at.x + i * 6, at.y + i * 3);
    await page.mouse.up();
  });
  return { pan, zoom, drag };
}

/** Where board point `p` is on the page now. */
const onPage = (page: Page, p: { x: number; y: number }) =>
  page.evaluate(`(() => {
    const st = window.Konva.stages[0];
    const box = st.container().getBoundingClientRect();
    return { x: box.left + st.x() + ${p.x} * st.scaleX(), y: box.top + st.y() + ${p.y} * st.scaleX(), scale: st.scaleX() };
  })()`) as Promise<{ x: number; y: number; scale: number }>;

/** Wheels in around board point `p` (it stays under the pointer) until about 1:1; returns where it is. */
async function zoomInOn(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
  let at = await onPage(page, p);
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 60 && at.scale < 0.9; i++) {
    await page.mouse.wheel(0, -120);
    at = await onPage(page, p);
  }
  return at;
}

/** Olifant: opens the board link and runs the script. */
export async function runOlifant(browser: Browser, link: string, n: number): Promise<ClientRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('olifant.name', 'Bench'));
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(link);
    // Drawn: every note in the store (the canvas's label counts them) and a frame painted after.
    await page.getByRole('application', { name: `The board: ${n.toLocaleString('en')} notes` }).waitFor({ timeout: 120_000 });
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const firstRenderMs = performance.now() - started;
    const run = await script(page, () => page.getByRole('button', { name: 'Zoom to fit everything' }).click());
    return { firstRenderMs, ...run };
  } finally {
    await context.close();
  }
}

/** The bare Konva page with the same notes: loads Konva, draws, runs the same script. */
export async function runBare(browser: Browser, konvaJs: string, n: number): Promise<ClientRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    // Served like a page from a server: the HTML with the notes in it, then Konva's own build.
    await page.route('http://bare.local/**', (route) =>
      route.request().url().endsWith('/konva.js')
        ? route.fulfill({ body: konvaJs, contentType: 'text/javascript' })
        : route.fulfill({ body: barePageHtml(layout(n)), contentType: 'text/html' }),
    );
    const started = performance.now();
    await page.goto('http://bare.local/');
    await page.waitForFunction('window.__drawn === true', undefined, { timeout: 120_000 });
    const firstRenderMs = performance.now() - started;
    const run = await script(page, () => page.evaluate('window.fitAll()') as Promise<void>);
    return { firstRenderMs, ...run };
  } finally {
    await context.close();
  }
}
