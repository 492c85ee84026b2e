/**
 * The short rehearsal in `npm test`: 16 simulated people and one Chromium touch tablet play a
 * compressed Future Search day against a spawned server, through a table's Wi-Fi outage (the tablet
 * reloads while offline) and one SIGKILL of the server; the tablet writes by double tap and typing,
 * drags a note and votes by touch. Then the oracle checks the board, the report, the CSV and both
 * restored copies against the rehearsal's own log, which holds what the tablet did as it did it.
 *
 * Why: every part is tested on its own elsewhere; this is the day as a whole, on every change. The
 * same run also shows the oracle can fail: judged with the report's "Elsewhere on the board" section
 * removed, it must name the notes that went missing (`oracleSelfCheck`).
 */
import { expect, test } from 'vitest';
import { runRehearsal } from '../rehearsal/index.ts';
import type { RehearsalLog } from '../rehearsal/log.ts';

test('a short rehearsal holds: every note, dot and list in the board, report, CSV and restored copies; the oracle fails when a report section is missing', async () => {
  const r = await runRehearsal({ people: 16, tablets: 1, minutes: 0.5, seed: 11 });
  const log = r.log as RehearsalLog;
  const events = log.events.map((e) => e.what);

  expect(r.problems).toEqual([]);
  expect(r.oracle?.differences).toEqual([]);
  expect(r.ok).toBe(true);
  // The faults really happened.
  expect(r.server.kills).toBe(1);
  expect(events.some((w) => w.startsWith('Wi-Fi down at a table'))).toBe(true);
  expect(events.some((w) => /reloaded while offline/.test(w))).toBe(true);
  expect(events.some((w) => w.startsWith('projector link tried to write'))).toBe(true);
  // The tablet did its part through the app: a note in each writing task (the oracle holds each to
  // the board), and a dot vote, where its page placed the dot or said why not.
  const tablet = [...log.people.values()].find((p) => p.device === 'tablet')!.id;
  expect([...log.notes.values()].filter((n) => n.authorId === tablet).length).toBeGreaterThanOrEqual(3);
  expect([...log.dots.values()].some((d) => d.voterId === tablet) || events.some((w) => /^tablet 1's dot in vote .* was refused by its page$/.test(w))).toBe(true);
  // It judged a real day: every output, both copies.
  expect(r.oracle!.checked['notes']).toBeGreaterThan(60);
  expect(r.oracle!.checked['the restored backup notes']).toBe(r.oracle!.checked['notes']);
  expect(r.oracle!.checked['morning notes']).toBeGreaterThan(0);
  // The oracle can fail: without the Elsewhere section the same outputs are judged wrong.
  expect(r.oracleSelfCheck?.differences).toBeGreaterThan(0);
}, 240_000);
