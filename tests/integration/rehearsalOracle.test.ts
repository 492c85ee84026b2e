/**
 * The rehearsal's oracle against a real server: a small logged day put on a board through a
 * facilitator's stock client, backed up and restored, and a morning snapshot restored; the oracle
 * reads all three through fresh clients and the HTTP API. It holds on the day as made, and names a
 * note that a client deleted behind the log's back, in the board and in every output.
 *
 * Why: the oracle's reading (tokens, routes, languages, a fresh sync) must work on the real thing,
 * not only on strings made in a test.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createNote, deleteNotes, listNotes, ORIGIN, type CreatedBoard } from '../../shared/index.ts';
import { connectClient, sleep, waitFor, waitSynced } from '../helpers/clients.ts';
import { serverPerFile } from '../helpers/fileServer.ts';
import { createBoard, tokenOf } from '../helpers/server.ts';
import { oracleDay } from '../fixtures/oracleDay.ts';
import { checkOracle, type OracleTarget } from '../rehearsal/oracle/index.ts';
import { withoutSection } from '../rehearsal/oracle/tamper.ts';

const running = serverPerFile({ snapshotEveryMs: 300 });
const target = (board: CreatedBoard): OracleTarget => ({ baseUrl: running.server.localUrl, boardId: board.id, facilitatorToken: tokenOf(board.links.facilitator) });
const call = (board: CreatedBoard, path: string, init: RequestInit = {}) =>
  fetch(`${running.server.localUrl}/api/boards/${board.id}/${path}`, { ...init, headers: { Authorization: `Bearer ${tokenOf(board.links.facilitator)}` } });

/** Puts the logged day on a new board through the facilitator's client; waits until a fresh client sees it. */
async function dayOnServer() {
  const day = oracleDay();
  const board = await createBoard(running.server.localUrl, 'Oracle day');
  const fac = connectClient(running.server.localUrl, board.id, tokenOf(board.links.facilitator));
  running.clients.push(fac);
  await waitSynced(fac);
  Y.applyUpdate(fac.doc, Y.encodeStateAsUpdate(day.doc));
  await noteCount(board, listNotes(day.doc).length);
  return { day, board, fac };
}

/** Waits until a fresh client of the board sees `count` notes. */
async function noteCount(board: CreatedBoard, count: number): Promise<void> {
  const probe = connectClient(running.server.localUrl, board.id, tokenOf(board.links.facilitator));
  try {
    await waitFor(() => listNotes(probe.doc).length === count, `the server to hold ${count} notes`);
  } finally {
    probe.destroy();
  }
}

/** Restores a board's backup, and its latest scheduled snapshot, as new boards. */
async function copiesOf(board: CreatedBoard): Promise<{ backup: CreatedBoard; morning: CreatedBoard }> {
  const backup = await (await call(board, 'backup.json')).text();
  const restored = await fetch(`${running.server.localUrl}/api/boards/restore`, { method: 'POST', body: backup });
  expect(restored.status).toBe(201);
  const snapshots = async () => ((await (await call(board, 'history')).json()) as { snapshots: { id: number; reason: string }[] }).snapshots;
  let list = await snapshots();
  for (let i = 0; i < 50 && list.length === 0; i++) {
    await sleep(100);
    list = await snapshots();
  }
  const morning = await call(board, `history/${list.at(-1)!.id}/restore`, { method: 'POST' });
  expect(morning.status).toBe(201);
  return { backup: (await restored.json()) as CreatedBoard, morning: (await morning.json()) as CreatedBoard };
}

describe("the rehearsal's oracle on a real server", () => {
  it('holds on the board, its report, its CSV, the restored backup and the morning snapshot', async () => {
    const { day, board, fac } = await dayOnServer();
    day.log.morningNotes = [...day.log.notes.values()].filter((n) => !n.deleted).map((n) => n.id);
    await sleep(700); // a scheduled snapshot of the day as made: the "morning"
    const { backup, morning } = await copiesOf(board);
    // After the morning snapshot and the backup, a late note: on the board, not in the copies.
    const late = createNote(fac.doc, { text: 'A late thought', x: -9000, y: -7000, authorId: 'p-ann', groupId: day.log.people.get('p-ann')!.groupId }, ORIGIN.local);
    day.log.notes.set(late, { ...day.log.notes.get(day.notes.lost!)!, id: late, text: 'A late thought' });
    await noteCount(board, 14);

    const main = await checkOracle({ log: day.log, main: target(board), backupCopy: null, morningCopy: target(morning) });
    expect(main.differences).toEqual([]);
    expect(main.checked).toMatchObject({ notes: 14, 'deleted notes': 1, 'morning notes': 13, 'the board report.md (nl) notes': 14 });
    // The backup was made before the late note: the oracle names exactly that note there.
    const copy = await checkOracle({ log: day.log, main: target(board), backupCopy: target(backup), morningCopy: null });
    expect(copy.differences.length).toBeGreaterThan(0);
    expect(copy.differences.every((d) => d.startsWith(`note ${late} "A late thought"`) && d.includes('the restored backup'))).toBe(true);
  });

  it("shows the oracle can fail: with the served report's Elsewhere section removed, it names the notes shown only there", async () => {
    const { day, board } = await dayOnServer();
    const result = await checkOracle({ log: day.log, main: target(board), backupCopy: null, morningCopy: null, tamper: (_label, files) => withoutSection(files, 'elsewhere') });
    expect(result.ok).toBe(false);
    for (const id of [day.notes.coffee!, day.notes.lost!]) {
      expect(result.differences.filter((d) => d.startsWith(`note ${id} `) && /missing from the board report\.(md|html)/.test(d))).toHaveLength(3);
    }
  });

  it('fails, naming the note, when a client deletes a note behind the log (board, report.md, report.html, notes.csv)', async () => {
    const { day, board, fac } = await dayOnServer();
    deleteNotes(fac.doc, [day.notes.coffee!], ORIGIN.local);
    await noteCount(board, 12);
    const result = await checkOracle({ log: day.log, main: target(board), backupCopy: null, morningCopy: null });
    expect(result.ok).toBe(false);
    const about = result.differences.filter((d) => d.startsWith(`note ${day.notes.coffee} "Coffee corner ideas"`));
    expect(about).toContain(`note ${day.notes.coffee} "Coffee corner ideas": missing from the board`);
    expect(about).toContain(`note ${day.notes.coffee} "Coffee corner ideas": no row in the board notes.csv (nl)`);
    for (const output of ['the board report.md (en)', 'the board report.md (nl)', 'the board report.html (en)']) {
      expect(about.some((d) => d.includes(`missing from ${output}`))).toBe(true);
    }
  });
});
