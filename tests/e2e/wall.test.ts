/**
 * E2E: the common-ground wall fills itself. A facilitator lays out the Future Search day; the room's
 * two stakeholder groups have clustered trends and marked their stances; the facilitator confirms
 * them in the common-ground panel. Each confirmed item appears as a card in the matching list area,
 * with every group's stance written on it; moving it to another list moves the card, un-confirming
 * takes it down and undo puts it back. The projector (1920x1080) frames the whole wall readably, in
 * English and Dutch; the trends mind map has the board's title at its centre.
 *
 * Why: the wall is what the room builds all day towards; nobody should have to copy notes onto it.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createCluster, createNote, listAreas, listGroups, ORIGIN, readFacilitation, setStance } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import { drawnNotes, nextFrame, openPage, useE2eEnvironment } from './boardPage.ts';
import { confirmAs, openLaidOutDay } from './dayBoard.ts';

const env = useE2eEnvironment('olifant-e2e-wall-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Drawn {
  /** Cards: the item id, the list named on the node, the texts, board box, page box and smallest text (px). */
  cards: { item: string; list: string; texts: string[]; shown: string[]; box: Box; page: Box; minPx: number }[];
  /** Every area's board box and name by id, and its name's drawn size. */
  areas: Record<string, { box: Box; page: Box; name: string; px: number }>;
  centre: { text: string; box: Box } | null;
  scale: number;
  screen: Box;
}

/** What the canvas draws now, read from Konva's stage like a person reads the screen. */
async function drawn(page: Page): Promise<Drawn> {
  await nextFrame(page);
  return page.evaluate(`(() => {
    const st = window.Konva.stages[0];
    const c = st.container().getBoundingClientRect();
    const k = st.scaleX();
    const pageBox = (n) => { const r = n.getClientRect(); return { x: c.left + r.x, y: c.top + r.y, w: r.width, h: r.height }; };
    const boardBox = (g) => { const r = g.findOne('Rect'); return { x: g.x(), y: g.y(), w: r.width(), h: r.height() }; };
    const cards = st.find('.wallCard').map((g) => ({
      item: g.id().replace(/^wall-/, ''),
      list: g.name().split(' ').find((n) => n.startsWith('wall-')).slice(5),
      texts: g.find('Text').map((t) => t.text()),
      shown: g.find('Text').map((t) => t.textArr.map((l) => l.text).join(' ')),
      box: boardBox(g),
      page: pageBox(g),
      minPx: Math.min(...g.find('Text').map((t) => t.fontSize() * k)),
    }));
    const areas = {};
    for (const g of st.find('.area')) {
      const t = g.findOne('Text');
      areas[g.id()] = { box: boardBox(g), page: pageBox(g), name: t.text(), px: t.fontSize() * k };
    }
    const m = st.findOne('.mindMapCentre');
    return {
      cards, areas, scale: k,
      centre: m ? { text: m.findOne('Text').text(), box: boardBox(m) } : null,
      screen: { x: c.left, y: c.top, w: c.width, h: c.height },
    };
  })()`) as Promise<Drawn>;
}

const inside = (a: Box, b: Box, slack = 0) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;

describe('the common-ground wall (headless Chromium)', () => {
  it('confirming fills the matching list area, moving and un-confirming follow, undo restores; the projector frames the wall', async () => {
    const { board, fac, room } = await openLaidOutDay(env, errors, 'Care in the neighbourhood 2035');
    // The room's trends, clustered, with each group's stance (through the second connection).
    expect(listAreas(room.doc)).toHaveLength(26);
    const agenda = readFacilitation(room.doc).agenda;
    const [cgArea, ppArea, naArea] = agenda.areas.commonGround!;
    const mindMap = listAreas(room.doc).find((a) => a.id === agenda.areas.present![0])!;
    const [citizens, workers] = listGroups(room.doc).map((g) => g.id);
    const theme = (label: string, i: number) => {
      const notes = [0, 1].map((j) => createNote(room.doc, { text: `${label} ${j + 1}`, x: mindMap.x + 100 + i * 500 + j * 220, y: mindMap.y + 200, authorId: 'room', groupId: [citizens, workers][j]! }, ORIGIN.local));
      return createCluster(room.doc, notes, label, ORIGIN.local);
    };
    const care = theme('Care close to home', 0);
    const hub = theme('A neighbourhood care hub', 1);
    const budget = theme('One budget per town', 2);
    for (const g of [citizens!, workers!]) setStance(room.doc, care, g, 'agree', 'room', ORIGIN.local);
    setStance(room.doc, hub, citizens!, 'agree', 'room', ORIGIN.local);
    setStance(room.doc, hub, workers!, 'unsure', 'room', ORIGIN.local);
    setStance(room.doc, budget, citizens!, 'agree', 'room', ORIGIN.local);
    setStance(room.doc, budget, workers!, 'disagree', 'room', ORIGIN.local);

    // Someone stuck a note at the top of the potential projects list by hand: the cards go around it.
    const pp = listAreas(room.doc).find((a) => a.id === ppArea)!;
    const stuck = createNote(room.doc, { text: 'Ask the council', x: pp.x + 40, y: pp.y + 120, authorId: 'room', groupId: null }, ORIGIN.local);

    // The trends task: the mind map's centre holds the board's title.
    await fac.locator('ol.agenda').getByRole('button', { name: 'Present: trends mind map' }).click();
    await expect.poll(async () => (await drawn(fac)).centre?.text, { timeout: 10_000 }).toBe('Care in the neighbourhood 2035');
    const centre = (await drawn(fac)).centre!.box;
    expect(Math.abs(centre.x + centre.w / 2 - (mindMap.x + mindMap.w / 2))).toBeLessThan(2);
    expect(Math.abs(centre.y + centre.h / 2 - (mindMap.y + mindMap.h / 2))).toBeLessThan(2);
    await fac.screenshot({ path: artifactPath('wall-0-mind-map-centre-1440.png') });

    // The facilitator confirms each theme from the common-ground panel.
    await fac.locator('ol.agenda').getByRole('button', { name: 'Common ground', exact: true }).click();
    await fac.getByRole('button', { name: 'Common ground', exact: true }).first().click();
    const confirm = (label: string, list: string) => confirmAs(fac, label, list);
    const wall = async () => {
      const d = await drawn(fac);
      return Object.fromEntries(d.cards.map((c) => [c.item, c.list]));
    };
    await confirm('Care close to home', 'Common ground');
    await confirm('A neighbourhood care hub', 'Potential projects');
    await confirm('One budget per town', 'Not agreed');
    await expect.poll(wall, { timeout: 10_000 }).toEqual({ [care]: 'commonGround', [hub]: 'potentialProject', [budget]: 'notAgreed' });

    // Each card sits in its list's area and says where every group stands, in words.
    let d = await drawn(fac);
    const areaOf = { commonGround: cgArea!, potentialProject: ppArea!, notAgreed: naArea! } as Record<string, string>;
    for (const c of d.cards) expect(inside(c.box, d.areas[areaOf[c.list]!]!.box)).toBe(true);
    const note = (await drawnNotes(fac)).find((n) => n.id === stuck)!;
    const hubCard = d.cards.find((c) => c.item === hub)!.page;
    expect(note.cx < hubCard.x || note.cx > hubCard.x + hubCard.w || note.cy < hubCard.y || note.cy > hubCard.y + hubCard.h).toBe(true);
    const texts = (id: string) => d.cards.find((c) => c.item === id)!.texts;
    expect(texts(care)).toEqual(['Care close to home', '✓ Agree: Citizens, Care workers']);
    expect(texts(hub)).toEqual(['A neighbourhood care hub', '✓ Agree: Citizens', '? Not sure: Care workers']);
    expect(texts(budget)).toEqual(['One budget per town', '✓ Agree: Citizens', '✗ Disagree: Care workers']);
    // Every title is drawn whole, its words uncut ("A neighbourhood care hub", not "A neighbourhoo…").
    for (const c of d.cards) expect(c.shown[0]!.replace(/\s+/g, ' ').trim()).toBe(c.texts[0]);
    await fac.screenshot({ path: artifactPath('wall-1-facilitator-1440.png') });

    // Moving an item to another list moves its card; un-confirming takes it down; undo puts it back.
    await confirm('A neighbourhood care hub', 'Not agreed');
    await expect.poll(wall, { timeout: 10_000 }).toEqual({ [care]: 'commonGround', [hub]: 'notAgreed', [budget]: 'notAgreed' });
    await fac.locator('.agreement-item .outline-note', { hasText: 'Care close to home' }).first().click();
    await fac.locator('.stance-editor').getByRole('button', { name: 'Take off the list' }).click();
    await expect.poll(wall, { timeout: 10_000 }).toEqual({ [hub]: 'notAgreed', [budget]: 'notAgreed' });
    await fac.locator('canvas').first().focus();
    await fac.keyboard.press('Control+z');
    await expect.poll(wall, { timeout: 10_000 }).toEqual({ [care]: 'commonGround', [hub]: 'notAgreed', [budget]: 'notAgreed' });
    d = await drawn(fac);
    // Two cards in one list sit side by side in its grid, neither on the other.
    const [first, second] = d.cards.filter((c) => c.list === 'notAgreed').map((c) => c.box);
    expect(first!.x + first!.w <= second!.x || first!.y + first!.h <= second!.y).toBe(true);

    // In Dutch, the cards speak Dutch.
    await fac.locator('button.lang').click();
    await expect.poll(async () => (await drawn(fac)).cards.find((c) => c.item === care)?.texts[1]).toBe('✓ Eens: Citizens, Care workers');
    await fac.screenshot({ path: artifactPath('wall-2-facilitator-1440-nl.png') });

    // The projector frames the whole wall: the three lists' names and every card, readable from 10 m
    // (the note stuck on it does not narrow the frame to itself); cards are two to a row in each list,
    // so the grid never reflows, and their smallest text is still 20 px or more.
    const projector = await openPage(env.browser, errors, { viewport: { width: 1920, height: 1080 } });
    await projector.goto(board.links.projector);
    await projector.locator('.status-connected').waitFor();
    await projector.locator('.task-title', { hasText: 'Common ground' }).waitFor();
    const readable = async () => {
      const p = await drawn(projector);
      const out: string[] = [];
      if (p.cards.length !== 3) out.push(`${p.cards.length} cards`);
      for (const c of p.cards) {
        if (!inside(c.page, p.screen)) out.push(`card ${c.texts[0]} off screen`);
        if (c.minPx < 20) out.push(`card ${c.texts[0]} text at ${c.minPx.toFixed(1)} px`);
      }
      for (const id of [cgArea!, ppArea!, naArea!]) {
        const a = p.areas[id];
        if (!a || !inside(a.page, p.screen, 2)) out.push(`list ${a?.name ?? id} not whole on screen`);
        else if (a.px < 32) out.push(`list name ${a.name} at ${a.px.toFixed(1)} px`);
      }
      return out;
    };
    await expect.poll(readable, { timeout: 10_000 }).toEqual([]);
    await projector.screenshot({ path: artifactPath('wall-3-projector-1920.png') });
    await projector.locator('button.lang').click();
    await expect.poll(async () => (await drawn(projector)).cards.find((c) => c.item === care)?.texts[1]).toBe('✓ Eens: Citizens, Care workers');
    await expect.poll(readable, { timeout: 10_000 }).toEqual([]);
    await projector.screenshot({ path: artifactPath('wall-4-projector-1920-nl.png') });
    room.destroy();
  });
});
