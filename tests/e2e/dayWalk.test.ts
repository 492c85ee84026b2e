/**
 * E2E: a Future Search day, walked on four devices. A facilitator on a 1440x900 laptop runs the
 * agenda with a landscape tablet (1024x768), a portrait tablet (768x1024, in Dutch) and a phone
 * (390x844), all touch. For every task, from the timelines to action planning, the facilitator's bar
 * ("Next", "Bring everyone to this task") frames the task on each device; "+ Add note" puts each
 * person's note inside the task (at their own table where they are seated) and no two notes on the
 * board overlap; a timer started for one task is gone at the next. At Common ground the groups mark
 * their stances, the facilitator confirms three themes, and the wall cards appear in the matching
 * list areas on every device; the board, the Common ground panel and the report list the same items.
 *
 * Why: the facilitator runs the room; nobody should have to move a view by hand or tidy notes to
 * keep the day going.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { listAreas, listClusters, listNotes, readFacilitation, readSeats, type Note } from '../../shared/index.ts';
import { artifactPath } from '../helpers/browser.ts';
import type { TestClient } from '../helpers/clients.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { addNoteWithButton, drawnNotes, joinBoard, nextFrame, openEditor, openPage, useE2eEnvironment } from './boardPage.ts';
import { confirmAs, openLaidOutDay } from './dayBoard.ts';
import { overlap } from './layoutChecks.ts';
import { expectFramed } from './taskFraming.ts';

const env = useE2eEnvironment('olifant-e2e-day-');
const errors: string[] = [];
afterAll(() => expect(errors).toEqual([]));

const DEVICES = [
  { name: 'tablet-1024', width: 1024, height: 768, mobile: false, group: 'Citizens', nl: false },
  { name: 'tablet-768-nl', width: 768, height: 1024, mobile: false, group: 'Care workers', nl: true },
  { name: 'phone-390', width: 390, height: 844, mobile: true, group: 'Citizens', nl: false },
] as const;

/** What each device writes at each task (the Dutch tablet in Dutch). */
const NOTES: Record<string, readonly [string, string, string]> = {
  past: ['The first care home in town opened', 'Wijkverpleging kwam terug', 'My grandmother’s home help'],
  present: ['More people live alone', 'Tekort aan verpleegkundigen', 'Care apps on every phone'],
  prouds: ['Proud: neighbours help out', 'Trots: we kennen onze cliënten', 'Sorry: long waiting lists'],
  future: ['Care close to home', 'Zorg dicht bij huis', 'A care hub in every neighbourhood'],
  action: ['Start a neighbourhood care hub', 'Buurtzorgteam opzetten', 'Ask the council for one budget'],
};
const LISTS = ['commonGround', 'potentialProject', 'notAgreed'] as const;

type Box = { x: number; y: number; w: number; h: number };
const inside = (n: Box, a: Box) => n.x >= a.x && n.y >= a.y && n.x + n.w <= a.x + a.w && n.y + n.h <= a.y + a.h;
const rect = (b: Box) => ({ x: b.x, y: b.y, width: b.w, height: b.h });

/** The wall cards drawn on `page`: item id → the list it is drawn for, and whether it lies in `areas[list]`. */
async function wallCards(page: Page, areas: Record<string, string>): Promise<Record<string, string>> {
  await nextFrame(page);
  return page.evaluate((areas) => {
    const st = (window as unknown as { Konva: { stages: any[] } }).Konva.stages[0];
    const out: Record<string, string> = {};
    for (const g of st.find('.wallCard')) {
      const list = g.name().split(' ').find((n: string) => n.startsWith('wall-')).slice(5);
      const area = st.findOne(`#${areas[list]}`);
      const r = g.getClientRect();
      const a = area?.getClientRect();
      const within = a && r.x >= a.x - 1 && r.y >= a.y - 1 && r.x + r.width <= a.x + a.width + 1 && r.y + r.height <= a.y + a.height + 1;
      out[g.id().replace(/^wall-/, '')] = within ? list : `${list} (outside its area)`;
    }
    return out;
  }, areas);
}

/** The Markdown report's items under each of the three lists' headings. */
async function reportLists(origin: string, boardId: string, token: string): Promise<Record<string, string[]>> {
  const md = await (await fetch(`${origin}/api/boards/${boardId}/report.md?lang=en&token=${token}`)).text();
  const section = (title: string) => {
    const start = md.indexOf(`## ${title}\n`);
    if (start < 0) return [`no section ${title}`];
    const rest = md.slice(start + title.length + 4);
    const body = rest.slice(0, rest.search(/\n## |$/));
    return [...body.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  };
  return { commonGround: section('Common ground'), potentialProject: section('Potential projects'), notAgreed: section('Not agreed') };
}

describe('a Future Search day on four devices (headless Chromium)', () => {
  let fac: Page;
  let room: TestClient;
  let board: Awaited<ReturnType<typeof createBoard>>;
  const devices: Page[] = [];
  const bar = () => fac.getByTestId('facilitator-bar');
  /** Note id → the task it was written for, and the device that wrote it. */
  const written = new Map<string, { step: string; device: number }>();

  const areasOf = (step: string) => {
    const ids = readFacilitation(room.doc).agenda.areas[step] ?? [];
    return listAreas(room.doc).filter((a) => ids.includes(a.id));
  };

  /** The facilitator goes on to `step` and brings everyone there; each device frames it. */
  async function toTask(step: string, i: number): Promise<void> {
    if (i > 0) {
      await bar().getByTestId('bar-next').click();
      await expect.poll(() => readFacilitation(room.doc).agenda.step).toBe(i);
    }
    await bar().getByTestId('bar-bring-task').click();
    for (const page of devices) await expectFramed(page, room, step);
  }

  /** Each device adds its note for `step` with "+ Add note" (a tap), in its own language. */
  async function writeNotes(step: string): Promise<void> {
    for (const [d, page] of devices.entries()) {
      await page.getByRole('button', { name: DEVICES[d]!.nl ? 'Notitie toevoegen' : 'Add note' }).tap();
      await openEditor(page).waitFor();
      await page.keyboard.type(NOTES[step]![d]!);
      await page.keyboard.press('Escape');
      await openEditor(page).waitFor({ state: 'detached' });
    }
    await expect.poll(() => listNotes(room.doc).filter((n) => NOTES[step]!.includes(n.text)).length, { timeout: 10_000 }).toBe(3);
    for (const n of listNotes(room.doc)) {
      const d = NOTES[step]!.indexOf(n.text);
      if (d >= 0) written.set(n.id, { step, device: d });
    }
  }

  /** Where each note of `step` should be: inside the task, at the writer's table where seated; none overlaps another. */
  function checkPlaces(step: string, tableOf: (note: Note, device: number) => string | null = () => null): void {
    const notes = listNotes(room.doc);
    const areas = areasOf(step);
    for (const n of notes.filter((n) => written.get(n.id)?.step === step)) {
      const d = written.get(n.id)!.device;
      const table = tableOf(n, d);
      const home = areas.filter((a) => (table ? a.id === table : true));
      expect(home.map((a) => a.name).length, `${n.text}: its table`).toBeGreaterThan(0);
      expect(home.some((a) => inside(n, a)), `${n.text} (${DEVICES[d]!.name}) at ${n.x},${n.y} inside ${home.map((a) => `${a.name} ${a.x},${a.y}`).join(' / ')}`).toBe(true);
    }
    for (const n of notes) {
      const on = notes.filter((o) => o.id !== n.id && overlap(rect(n), rect(o)));
      expect(on.map((o) => o.text), `${n.text} lies on`).toEqual([]);
    }
  }

  async function screenshots(tag: string): Promise<void> {
    await fac.screenshot({ path: artifactPath(`day-${tag}-laptop-1440.png`) });
    for (const [d, page] of devices.entries()) await page.screenshot({ path: artifactPath(`day-${tag}-${DEVICES[d]!.name}.png`) });
  }

  it('the facilitator lays out the day; a laptop, two tablets and a phone join and pick their groups', async () => {
    ({ board, fac, room } = await openLaidOutDay(env, errors, 'Future of care 2035'));
    for (const d of DEVICES) {
      const page = await openPage(env.browser, errors, { viewport: { width: d.width, height: d.height }, hasTouch: true, isMobile: d.mobile });
      await joinBoard(page, board.links.participant, `Ann ${d.name}`);
      await page.getByRole('dialog').getByRole('button', { name: d.group }).tap();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      if (d.nl) await page.locator('button.lang').tap();
      devices.push(page);
    }
    await devices[1]!.getByRole('button', { name: 'Notitie toevoegen' }).waitFor();
  });

  it('past: everyone is brought to the timelines; each note lands on them; the timer started here is gone at the next task', async () => {
    await toTask('past', 0);
    await bar().getByTestId('bar-timer-length').selectOption('5');
    await bar().getByTestId('bar-timer-start').click();
    for (const page of devices) await expect.poll(() => page.locator('.countdown').count()).toBe(1);
    await writeNotes('past');
    checkPlaces('past');
    await screenshots('1-past');
  });

  it('present: the trends mind map, framed on every device; the timer is gone', async () => {
    await toTask('present', 1);
    for (const page of [fac, ...devices]) await expect.poll(() => page.locator('.countdown').count()).toBe(0);
    await writeNotes('present');
    checkPlaces('present');
    await screenshots('2-present');
  });

  it('prouds and sorries: each note lands at its stakeholder group’s table', async () => {
    await toTask('prouds', 2);
    await writeNotes('prouds');
    const groups = Object.fromEntries(listAreas(room.doc).filter((a) => a.table === 'stakeholder').map((a) => [a.name.split(':')[0], a.id]));
    checkPlaces('prouds', (_, d) => groups[DEVICES[d]!.group]!);
    await screenshots('3-prouds');
  });

  it('ideal future: at mixed tables, each note lands at its writer’s table; the facilitator gathers the themes into clusters', async () => {
    await toTask('future', 3);
    const mixed = fac.getByRole('button', { name: 'Mixed tables', exact: true });
    if (!(await mixed.isVisible())) await fac.getByRole('button', { name: 'Facilitator', exact: true }).click();
    await mixed.click();
    await fac.getByRole('button', { name: 'Spread people over the mixed tables' }).click();
    await expect.poll(() => Object.values(readSeats(room.doc)).filter((s) => s.mixed).length).toBe(3);
    await writeNotes('future');
    // The facilitator sits at no table: the note goes in the table nearest the laptop's view centre.
    await addNoteWithButton(fac, 'One budget per town');
    await expect.poll(() => listNotes(room.doc).find((n) => n.text === 'One budget per town')?.id ?? '').not.toBe('');
    const mine = listNotes(room.doc).find((n) => n.text === 'One budget per town')!;
    expect(areasOf('future').filter((a) => inside(mine, a)).map((a) => a.name), `the facilitator’s note at ${mine.x},${mine.y}`).toHaveLength(1);
    const seats = readSeats(room.doc);
    checkPlaces('future', (n) => seats[n.authorId]?.mixed ?? 'not seated');

    // The facilitator makes the three themes into clusters, on the laptop that shows the task.
    const ids = (texts: string[]) => texts.map((t) => listNotes(room.doc).find((n) => n.text === t)!.id);
    const cluster = async (texts: string[], label: string) => {
      const drawn = await drawnNotes(fac);
      const picked = ids(texts).map((id) => drawn.find((n) => n.id === id)!);
      await fac.mouse.click(picked[0]!.cx, picked[0]!.cy);
      await fac.keyboard.down('Shift');
      for (const n of picked.slice(1)) await fac.mouse.click(n.cx, n.cy);
      await fac.keyboard.up('Shift');
      await fac.getByRole('button', { name: 'Make a cluster' }).click();
      const name = fac.getByRole('textbox', { name: 'Rename cluster' });
      await name.fill(label);
      await name.press('Enter');
      await expect.poll(() => listClusters(room.doc).some((c) => c.label === label)).toBe(true);
      await fac.keyboard.press('Escape');
    };
    await cluster(['Care close to home', 'Zorg dicht bij huis'], 'Care close to home');
    await cluster(['A care hub in every neighbourhood'], 'A neighbourhood care hub');
    await cluster(['One budget per town'], 'One budget per town');
    // Gathered beside each other (a cluster's notes may leave their tables), still in the task, on no other note.
    checkPlaces('future');
    await screenshots('4-future');
  });

  it('common ground: groups mark their stances, the facilitator confirms; the wall fills on every device and the lists agree', async () => {
    await toTask('commonGround', 4);
    const clusterId = (label: string) => listClusters(room.doc).find((c) => c.label === label)!.id;
    const themes = { care: 'Care close to home', hub: 'A neighbourhood care hub', budget: 'One budget per town' };

    // Each group, on its own tablet: find the theme in the Clusters panel, mark its stance.
    const mark = async (page: Page, nl: boolean, group: string, stances: Record<string, string>) => {
      const panelButton = async (name: string) => {
        const b = page.getByRole('button', { name, exact: true });
        if (!(await b.first().isVisible())) await page.getByRole('button', { name: nl ? 'Meer gereedschap' : 'More tools' }).tap();
        await b.first().tap();
      };
      for (const [label, stance] of Object.entries(stances)) {
        await panelButton('Clusters');
        await page.locator('.cluster-list .outline-note', { hasText: label }).tap();
        await panelButton(nl ? 'Gemeenschappelijke basis' : 'Common ground');
        await page.locator('.stance-editor h3', { hasText: label }).waitFor();
        const button = page.getByRole('group', { name: `${nl ? 'Standpunt van' : 'Stance of'} ${group}` }).getByRole('button', { name: stance, exact: true });
        await button.tap();
        await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
      }
    };
    await mark(devices[0]!, false, 'Citizens', { [themes.care]: 'Agree', [themes.hub]: 'Agree', [themes.budget]: 'Agree' });
    await mark(devices[1]!, true, 'Care workers', { [themes.care]: 'Eens', [themes.hub]: 'Niet zeker', [themes.budget]: 'Oneens' });

    // The facilitator confirms each theme from the Common ground panel.
    await fac.getByRole('button', { name: 'Common ground', exact: true }).first().click();
    const confirm = (label: string, list: string) => confirmAs(fac, label, list);
    await confirm(themes.care, 'Common ground');
    await confirm(themes.hub, 'Potential projects');
    await confirm(themes.budget, 'Not agreed');

    // The wall: on every device, each card in its list's area, with nobody moving a view.
    const [cg, pp, na] = readFacilitation(room.doc).agenda.areas.commonGround!;
    const areas = { commonGround: cg!, potentialProject: pp!, notAgreed: na! };
    const expected = { [clusterId(themes.care)]: 'commonGround', [clusterId(themes.hub)]: 'potentialProject', [clusterId(themes.budget)]: 'notAgreed' };
    // Everyone looks at the wall again (marking a stance took each group to its theme).
    await bar().getByTestId('bar-bring-task').click();
    for (const page of devices) await expectFramed(page, room, 'commonGround');
    for (const page of [fac, ...devices]) await expect.poll(() => wallCards(page, areas), { timeout: 10_000 }).toEqual(expected);

    // The three lists agree: on the board, in the Common ground panel and in the report.
    const board3 = { commonGround: [themes.care], potentialProject: [themes.hub], notAgreed: [themes.budget] };
    const panel = Object.fromEntries(
      await Promise.all(LISTS.map(async (l) => [l, await fac.locator(`.list-${l} .agreement-item .outline-note strong`).allTextContents()] as const)),
    );
    expect(Object.fromEntries(LISTS.map((l) => [l, panel[l]!.map((t) => t.trim())]))).toEqual(board3);
    expect(await reportLists(env.server.localUrl, board.id, tokenOf(board.links.facilitator))).toEqual(board3);
    checkPlaces('future');
    await screenshots('5-common-ground');
  });

  it('action planning: the last task, framed on every device; notes land in it, none on another', async () => {
    await fac.getByRole('button', { name: 'Close', exact: true }).first().click().catch(() => undefined);
    await toTask('action', 5);
    await writeNotes('action');
    checkPlaces('action');
    await screenshots('6-action');
    room.destroy();
  });
});
