/**
 * One rehearsal from start to end: the server, the board, the facilitator and the people, the six
 * tasks of a Future Search day with their faults, the backup and the morning snapshot restored as
 * new boards, and the oracle's verdict on all of it.
 *
 * Why: `npm run rehearsal` and the short rehearsal in the test suite run the same day; only the
 * numbers differ.
 */
import { randomBytes } from 'node:crypto';
import { agendaSteps, assignSeat, countNotes, listNotes, listPeople, ORIGIN } from '../../shared/index.ts';
import { backupAndRestore, history, newBoard, restoreSnapshot, serverNow, type BoardAccess } from './api.ts';
import { commonGround } from './commonGround.ts';
import { actionPlanning, idealFuture } from './afternoon.ts';
import { DayContext, type TimelineRow } from './dayContext.ts';
import { goToStep, setUpBoard } from './facilitator.ts';
import { Outage } from './faults.ts';
import { mindMap, proudsAndSorries, timelines } from './morning.ts';
import { checkOracle, type OracleResult } from './oracle/index.ts';
import { withoutSection } from './oracle/tamper.ts';
import { dayMinutes, DEFAULT_OPTIONS, type RehearsalOptions } from './options.ts';
import { joinAll, makePeople } from './people.ts';
import { Room, sleep } from './room.ts';
import { ensureClientBuilt, startOwnServer, useExistingServer, type RehearsalServer } from './server.ts';
import { openTablets, type TabletSeat } from './tablets.ts';
import { GROUPS, personName } from './words.ts';

export interface RehearsalResults {
  readonly options: Omit<RehearsalOptions, 'progress'>;
  readonly startedAt: string;
  readonly seconds: number;
  readonly server: { readonly url: string; readonly owned: boolean; readonly kills: number };
  /** The rehearsal's board and its two restored copies (on a server of your own they stay there). */
  readonly boards: { readonly main: BoardAccess; readonly backupCopy: BoardAccess | null; readonly morningCopy: BoardAccess | null };
  readonly timeline: TimelineRow[];
  /** Null when the day did not run to its end. */
  readonly oracle: OracleResult | null;
  /**
   * The oracle shown the same board with the report's "Elsewhere on the board" section removed: the
   * differences it found (it must find some, or it could not tell a report that drops notes).
   */
  readonly oracleSelfCheck: { readonly removedSection: 'elsewhere'; readonly differences: number } | null;
  /** Why the day did not run to its end (or a check of the day itself failed); empty when it did. */
  readonly problems: string[];
  readonly ok: boolean;
  readonly verdict: string;
  readonly log: object;
}

/**
 * Plays the day and checks it; never throws for a failing day (the results say what failed). Options
 * left out take their defaults (`DEFAULT_OPTIONS`, seed 1, no progress lines).
 */
export async function runRehearsal(given: Partial<RehearsalOptions> = {}): Promise<RehearsalResults> {
  const options: RehearsalOptions = { ...DEFAULT_OPTIONS, seed: 1, progress: () => {}, ...given };
  // Every stock provider in Node adds a process 'exit' listener: one per device of the room.
  process.setMaxListeners(Math.max(process.getMaxListeners(), options.people * 2 + options.tablets + 50));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const say = options.progress;
  const server: RehearsalServer = options.url ? await useExistingServer(options.url) : await startOwnServer(options.tablets > 0 ? ensureClientBuilt() : null);
  say(`server: ${server.baseUrl}${server.owned ? ' (started by the rehearsal)' : ''}`);
  const board = await newBoard(server.baseUrl, `Rehearsal ${startedAt.slice(0, 16).replace('T', ' ')}`);
  const room = new Room(board, options.seed);
  const problems: string[] = [];
  const held: { ctx: DayContext | null } = { ctx: null };
  let oracle: OracleResult | null = null;
  let oracleSelfCheck: RehearsalResults['oracleSelfCheck'] = null;
  let backupCopy: BoardAccess | null = null;
  let morningCopy: BoardAccess | null = null;
  try {
    const ctx = await playDay(room, server, options, held);
    problems.push(...(await checkDay(ctx)));
    const backup = await backupAndRestore(board);
    room.log.event(`backup (${(backup.bytes / 1024).toFixed(0)} KiB) restored as board ${backup.copy.boardId}`);
    backupCopy = backup.copy;
    morningCopy = await restoreMorning(board, ctx);
    oracle = await checkOracle({ log: room.log, main: board, backupCopy, morningCopy });
    const blind = await checkOracle({ log: room.log, main: board, backupCopy: null, morningCopy: null, tamper: (_label, files) => withoutSection(files, 'elsewhere') });
    oracleSelfCheck = { removedSection: 'elsewhere', differences: blind.differences.length };
    if (blind.ok) problems.push('the oracle found nothing wrong with a report whose "Elsewhere on the board" section was removed');
  } catch (err) {
    problems.push(`the day did not run to its end: ${(err as Error).stack ?? String(err)}`);
  } finally {
    for (const d of room.devices()) d.close();
    await room.tablets?.close().catch(() => {});
    await server.close();
  }
  const ok = problems.length === 0 && oracle !== null && oracle.ok;
  const people = room.people.length + (options.tablets > 0 ? options.tablets : 0);
  const verdict = ok
    ? `HOLDS: ${people} people, ${room.log.notes.size} notes, ${room.log.dots.size} dots; the board, the report, the CSV and both restored copies hold what the room made`
    : `DOES NOT HOLD: ${problems.length ? `${problems.length} problem(s) with the day` : ''}${problems.length && oracle && !oracle.ok ? '; ' : ''}${oracle && !oracle.ok ? `the oracle found ${oracle.differences.length} difference(s)` : ''}`;
  return {
    options: { people: options.people, tablets: options.tablets, minutes: dayMinutes(options), seed: options.seed, url: options.url, json: options.json, screenshots: options.screenshots },
    startedAt,
    seconds: (performance.now() - started) / 1000,
    server: { url: server.baseUrl, owned: server.owned, kills: held.ctx?.kills ?? 0 },
    boards: { main: board, backupCopy, morningCopy },
    timeline: held.ctx?.timeline ?? [],
    oracle,
    oracleSelfCheck,
    problems,
    ok,
    verdict,
    log: room.log.toJSON(),
  };
}

/** Plays the day; `held.ctx` keeps the timeline of the tasks done even when a later one fails. */
async function playDay(room: Room, server: RehearsalServer, options: RehearsalOptions, held: { ctx: DayContext | null }): Promise<DayContext> {
  const say = options.progress;
  room.facilitator = room.open(room.board.facilitatorToken, { id: room.facilitatorId, key: randomBytes(24).toString('hex') });
  room.updateListening();
  for (let i = 0; i < 400 && !room.facilitator.synced; i++) await sleep(50);
  if (!room.facilitator.synced) throw new Error('the facilitator could not join');
  const groupCount = Math.max(2, Math.min(GROUPS.length, Math.round(options.people / 8)));
  const layout = setUpBoard(room, groupCount, Math.max(1, Math.min(40, Math.ceil(options.people / 8))));
  room.people.push(...makePeople(room, options.people, layout));
  const phaseMs = (dayMinutes(options) * 60_000) / agendaSteps('futureSearch').length;
  const ctx = new DayContext(room, layout, server, phaseMs, 60_000 + options.people * 500, say);
  held.ctx = ctx;

  // The room fills (all but the one who comes late), and the facilitator seats everyone.
  room.setPhase('setup');
  const late = room.people[room.people.length - 1]!;
  const early = room.people.filter((p) => p !== late);
  await joinAll(room, early, 60_000);
  early.forEach((p) => ctx.seat(p));
  say(`setup: ${early.length} people joined`);
  if (options.tablets > 0) await openTabletRoom(ctx, options);
  await ctx.converge('the room at the start');

  await timelines(ctx);
  await mindMap(ctx, late);
  await proudsAndSorries(ctx);
  await quietMoment(ctx);
  await idealFuture(ctx);
  const outageTable = layout.mixedTables[0]!.id;
  const outage = new Outage(room, outageTable, ctx.present(), room.tablets ? 0 : null);
  await commonGround(ctx, outage);
  outage.closeSecond();
  await actionPlanning(ctx);
  room.setPhase('end');
  await ctx.converge('the end of the day');
  return ctx;
}

/** The browser tablets join by the participant link; the facilitator seats them like everyone else. */
async function openTabletRoom(ctx: DayContext, options: RehearsalOptions): Promise<void> {
  const { room, layout } = ctx;
  const groups = [...room.log.groups];
  const seats: TabletSeat[] = Array.from({ length: options.tablets }, (_, i) => {
    const [groupId, groupName] = groups[i % groups.length]!;
    return {
      name: personName(options.people + i),
      groupName,
      groupId,
      stakeholderTable: layout.stakeholderTables.get(groupId)?.id ?? null,
      mixedTable: ctx.tabletTable(i),
      lang: i % 2 ? 'en' : 'nl',
    };
  });
  room.tablets = await openTablets({
    baseUrl: room.board.baseUrl,
    boardId: room.board.boardId,
    participantLink: room.board.links.participant,
    projectorLink: room.board.links.projector,
    seats,
    log: room.log,
    seed: options.seed,
    findNoteByText: (text) => listNotes(room.facilitator.doc).find((n) => n.text === text)?.id,
    screenshotDir: options.screenshots,
  });
  // The facilitator seats the tablets' people too, once their devices have said who they are.
  for (const person of room.log.people.values()) {
    if (person.device !== 'tablet') continue;
    const seat = seats.find((s) => s.name === person.name);
    if (seat?.stakeholderTable) assignSeat(room.facilitator.doc, person.id, 'stakeholder', seat.stakeholderTable, ORIGIN.local);
    if (seat?.mixedTable) assignSeat(room.facilitator.doc, person.id, 'mixed', seat.mixedTable, ORIGIN.local);
  }
  room.log.event(`${room.tablets.count} browser tablets joined`);
}

/**
 * The quiet moment before the afternoon: everyone in step, nobody writing. Moving the agenda now
 * makes the server keep an `agenda` snapshot that holds exactly the notes the log counts.
 */
async function quietMoment(ctx: DayContext): Promise<void> {
  const { room } = ctx;
  room.setPhase('future');
  await ctx.converge('the quiet moment');
  ctx.morningFrom = await serverNow(room.board.baseUrl);
  await goToStep(room, 'future');
  await ctx.converge('the morning snapshot');
  room.log.morningNotes = [...room.log.notes.values()].filter((n) => !n.deleted).map((n) => n.id);
  room.log.event(`morning snapshot: ${room.log.morningNotes.length} notes`);
}

/** The morning's `agenda` snapshot from the history, restored as a new board. */
async function restoreMorning(board: BoardAccess, ctx: DayContext): Promise<BoardAccess> {
  const snapshots = await history(board);
  const morning = snapshots.find((s) => s.reason === 'agenda' && s.takenAt >= ctx.morningFrom - 1000);
  if (!morning) throw new Error(`no agenda snapshot since the quiet moment in the history (${snapshots.map((s) => s.reason).join(', ')})`);
  const copy = await restoreSnapshot(board, morning.id);
  ctx.room.log.event(`morning snapshot ${morning.id} restored as board ${copy.boardId}`);
  return copy;
}

/** What the day itself must show before the oracle looks: the room in step, the refused note absent, no note moved by a pinch. */
async function checkDay(ctx: DayContext): Promise<string[]> {
  const { room } = ctx;
  const problems: string[] = [];
  const doc = room.facilitator.doc;
  for (const refused of ctx.refusedNotes) {
    if (listNotes(doc).some((n) => n.id === refused.id || n.text === refused.text)) problems.push(`the projector's note "${refused.text}" is on the board`);
  }
  // A pan or pinch moves the view: a note it moved (and dropped, maybe into a cluster) is the page's doing.
  problems.push(...(room.tablets?.strokeMoves ?? []));
  const registered = new Set(listPeople(doc).map((p) => p.id));
  for (const p of room.people) if (!registered.has(p.id)) problems.push(`${p.name} is not in the board's people`);
  if (countNotes(doc) !== [...room.log.notes.values()].filter((n) => !n.deleted).length) {
    problems.push(`the board holds ${countNotes(doc)} notes, the log ${[...room.log.notes.values()].filter((n) => !n.deleted).length}`);
  }
  return problems;
}
