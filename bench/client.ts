/**
 * `npm run bench:client`: how the board canvas holds up in a real browser (headless Chromium).
 *
 * Why: "smooth" is a number. For boards of 500, 2,000 and 5,000 notes (made through the real server
 * by a Node client, laid out as a conference's tables would be), it measures the time from opening the
 * link to the notes drawn, then frame times (p50/p95, from requestAnimationFrame) while panning and
 * zooming with the whole board in view, and while panning and dragging a note at a working zoom. Headless Chromium renders in software on
 * this machine, so figures are an upper bound for a tablet with a GPU. BENCH_SIZES overrides the sizes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createNote, notesMap, ORIGIN } from '../shared/index.ts';
import { BUILT_CLIENT_DIR, launchBrowser } from '../tests/helpers/browser.ts';
import { connectClient, waitFor, waitSynced } from '../tests/helpers/clients.ts';
import { createBoard, startTestServer, tempDir } from '../tests/helpers/server.ts';
import { percentile } from './stats.ts';
import { execFileSync } from 'node:child_process';

const SIZES = (process.env.BENCH_SIZES ?? '500,2000,5000').split(',').map(Number);
const ROOT = resolve(import.meta.dirname, '..');

async function frameTimes(page: Page, action: () => Promise<void>): Promise<{ p50: number; p95: number; max: number; frames: number }> {
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
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  return { p50: percentile(frames, 50), p95: percentile(frames, 95), max: Math.max(...frames), frames: frames.length };
}

execFileSync(process.execPath, ['--import', 'tsx', 'server/scripts/ensureClient.ts'], { cwd: ROOT, stdio: 'inherit' });
process.setMaxListeners(0);
const dir = tempDir('olifant-bench-client-');
const server = await startTestServer(dir.path, { clientDir: BUILT_CLIENT_DIR });
const browser = await launchBrowser();
const results: Record<string, Record<string, number>> = {};
try {
  for (const n of SIZES) {
    const board = await createBoard(server.localUrl, `${n} notes`);
    const token = new URL(board.links.participant).hash.slice('#token='.length);
    const writer = connectClient(server.localUrl, board.id, token);
    await waitSynced(writer);
    // Tables of 8 columns x 10 rows of notes, tables side by side.
    for (let i = 0; i < n; i++) {
      const table = Math.floor(i / 80);
      const k = i % 80;
      createNote(writer.doc, { text: `Table ${table} note ${k}: a perspective on the future of care`, x: (table % 8) * 1600 + (k % 8) * 180, y: Math.floor(table / 8) * 2000 + Math.floor(k / 8) * 180, authorId: 'bench' }, ORIGIN.local);
    }
    await waitFor(() => notesMap(writer.doc).size === n, 'notes made', 60_000);
    await new Promise((r) => setTimeout(r, 500));
    writer.destroy();

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('olifant.name', 'Bench'));
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(board.links.participant);
    await page.waitForFunction((count) => {
      const K = (window as unknown as { Konva?: { stages: { find(s: string): unknown[] }[] } }).Konva;
      return document.querySelector('.status-connected') && K?.stages[0] && K.stages[0].find('.note').length > 0 && document.title.includes(String(count));
    }, n, { timeout: 120_000 });
    const firstRender = performance.now() - started;
    await page.waitForTimeout(500);
    const drawnCount = () => page.evaluate(() => (window as unknown as { Konva: { stages: { find(s: string): unknown[] }[] } }).Konva.stages[0]!.find('.note').length);
    const panAround = () =>
      frameTimes(page, async () => {
        await page.mouse.move(300, 400);
        await page.mouse.down();
        for (let i = 0; i < 60; i++) await page.mouse.move(300 + i * 10, 400 + Math.sin(i / 6) * 120);
        await page.mouse.up();
      });
    // 1. The whole board in view (after zoom to fit): the worst case, every note drawn.
    const drawnAll = await drawnCount();
    const panAll = await panAround();
    const zoom = await frameTimes(page, async () => {
      await page.mouse.move(640, 400);
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -100 : 100);
    });
    // 2. A working zoom (about 1:1 on one table), where people read and move notes.
    await page.getByRole('button', { name: 'Zoom to fit everything' }).click();
    await page.mouse.move(640, 400);
    for (let i = 0; i < 40; i++) {
      const scale = await page.evaluate(() => (window as unknown as { Konva: { stages: { scaleX(): number }[] } }).Konva.stages[0]!.scaleX());
      if (scale >= 0.9) break;
      await page.mouse.wheel(0, -120);
    }
    await page.waitForTimeout(300);
    const drawnWork = await drawnCount();
    const panWork = await panAround();
    const noteBox = await page.evaluate(() => {
      const K = (window as unknown as { Konva: { stages: any[] } }).Konva;
      const st = K.stages[0];
      const box = st.container().getBoundingClientRect();
      const onScreen = st.find('.note').map((g: any) => g.getClientRect()).filter((r: any) => r.x > 50 && r.y > 50 && r.x + r.width < 900 && r.y + r.height < 600);
      const r = onScreen[0];
      return r ? { x: box.left + r.x + r.width / 2, y: box.top + r.y + r.height / 2 } : null;
    });
    const drag = noteBox
      ? await frameTimes(page, async () => {
          await page.mouse.move(noteBox.x, noteBox.y);
          await page.mouse.down();
          for (let i = 0; i < 40; i++) await page.mouse.move(noteBox.x + i * 6, noteBox.y + i * 3);
          await page.mouse.up();
        })
      : { p50: NaN, p95: NaN, max: NaN, frames: 0 };
    results[`${n} notes`] = {
      firstRenderMs: Math.round(firstRender),
      drawnAllInView: drawnAll,
      panAllP50: panAll.p50, panAllP95: panAll.p95,
      zoomP50: zoom.p50, zoomP95: zoom.p95,
      drawnAtWork: drawnWork,
      panWorkP50: panWork.p50, panWorkP95: panWork.p95,
      dragP50: drag.p50, dragP95: drag.p95, dragMax: drag.max,
    };
    await context.close();
  }
  console.log('\nOlifant client benchmark (headless Chromium, software rendering; frame times in ms)');
  console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([a, b]) => [a, Math.round(b * 10) / 10]))])));
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'client.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
} finally {
  await browser.close();
  await server.close();
  dir.cleanup();
}
