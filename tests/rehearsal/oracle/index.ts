/**
 * The rehearsal's oracle: checks the board, the report (Markdown and HTML), the notes CSV and the
 * restored copies against the rehearsal's own log, and names every difference.
 *
 * Why: a rehearsal proves something only when it compares what the room meant to make with what
 * every output holds, by its own count, not by the server's derivations. The reading (a fresh stock
 * client, the HTTP API) is kept apart from the judging (`judgeOutputs`, pure), so a test can hand the
 * judge outputs that are wrong on purpose and see it fail.
 */
import type { ReportLang } from '../../../shared/report/index.ts';
import type { RehearsalLog } from '../log.ts';
import { checkBoard, readBoard, settleClusters, type BoardView } from './board.ts';
import { checkCsv } from './csv.ts';
import { expectedFromLog, type Expected } from './expected.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { compareNotes, compareRest, normal } from './reportView.ts';

export interface OracleTarget {
  /** http://host:port of the server that serves the board. */
  readonly baseUrl: string;
  readonly boardId: string;
  /** The facilitator token of the board (from its facilitator link). */
  readonly facilitatorToken: string;
}

export interface OracleInput {
  readonly log: RehearsalLog;
  readonly main: OracleTarget;
  /** The board restored from the end-of-day backup (must hold what `main` holds). */
  readonly backupCopy: OracleTarget | null;
  /** The board restored from the morning snapshot (must hold `log.morningNotes`). */
  readonly morningCopy: OracleTarget | null;
  /**
   * Changes the fetched outputs before they are judged: for a test that shows the oracle can fail
   * (e.g. with the report's Elsewhere section removed). `label` is 'the board' or 'the restored backup'.
   */
  readonly tamper?: (label: string, files: OutputFiles) => OutputFiles;
}

export interface OracleResult {
  readonly ok: boolean;
  /** One line per difference, naming the note or item it concerns. */
  readonly differences: string[];
  /** What was checked, e.g. { notes: 412, dots: 300, 'report.md notes': 412 }. */
  readonly checked: Record<string, number>;
}

/** The files a board's outputs are read from, per language (any may be left out). */
export interface OutputFiles {
  readonly md: Partial<Record<ReportLang, string>>;
  readonly html: Partial<Record<ReportLang, string>>;
  readonly csv: Partial<Record<ReportLang, string>>;
}

/** The log's count for a board: its layout (area names, agenda) and which concurrent cluster won. */
export function expectationFor(log: RehearsalLog, main: BoardView): { expected: Expected; differences: string[] } {
  const expected = expectedFromLog(log, main.layout);
  return { expected, differences: settleClusters(expected, main) };
}

/** Judges one board and its files against the log's count; `label` names the board in each line. */
export function judgeOutputs(label: string, expected: Expected, view: BoardView, files: OutputFiles): OracleResult {
  const differences = checkBoard(label, view, expected);
  const checked: Record<string, number> = {
    [`${label} notes`]: view.notes.length,
    [`${label} dots`]: view.dots.length,
  };
  for (const [lang, text] of Object.entries(files.md) as [ReportLang, string][]) {
    const name = `${label} report.md (${lang})`;
    const report = readMarkdown(text, lang);
    differences.push(...compareNotes(name, report.notes, expected, view.layout, lang), ...compareRest(name, report, expected, lang));
    checked[`${name} notes`] = report.notes.length;
  }
  for (const [lang, text] of Object.entries(files.html) as [ReportLang, string][]) {
    const name = `${label} report.html (${lang})`;
    const report = readHtml(text, lang);
    differences.push(...compareNotes(name, report.notes, expected, view.layout, lang), ...compareRest(name, report, expected, lang));
    checked[`${name} notes`] = report.notes.length;
  }
  for (const [lang, text] of Object.entries(files.csv) as [ReportLang, string][]) {
    const result = checkCsv(`${label} notes.csv (${lang})`, text, expected, view.layout, lang);
    differences.push(...result.differences);
    checked[`${label} notes.csv (${lang}) rows`] = result.rows;
  }
  return { ok: differences.length === 0, differences, checked };
}

/**
 * Judges the copy restored from the morning snapshot: exactly the morning's notes. Where the log
 * recorded their ids (a restore keeps them), by id, so a note edited since the morning is still
 * found; where it recorded texts, by text.
 */
export function judgeMorning(label: string, log: RehearsalLog, view: BoardView): string[] {
  if (log.morningNotes === null) return [`${label}: the log recorded no morning notes to compare it with`];
  const morning = log.morningNotes;
  const byId = morning.length > 0 && morning.every((m) => log.notes.has(m));
  const key = (id: string, text: string) => (byId ? id : normal(text));
  const name = (k: string) => (byId ? `note ${k} "${normal(log.notes.get(k)?.text ?? '').slice(0, 60)}"` : `note "${k.slice(0, 60)}"`);
  const have = view.notes.map((n) => key(n.id, n.text));
  const out: string[] = [];
  for (const k of morning.map((m) => key(m, m))) {
    const i = have.indexOf(k);
    if (i >= 0) have.splice(i, 1);
    else out.push(`morning ${name(k)}: missing from ${label}`);
  }
  for (const k of have) out.push(`${byId ? name(k) : `note "${k.slice(0, 60)}"`}: on ${label}, not on the board at the morning snapshot`);
  return out;
}

/**
 * Fetches one output of a board with the facilitator's token. A request the network dropped (the
 * server answered nothing, say on a machine too busy to accept the connection in time) is asked
 * again, up to three times; an answer with an error status is judged at once.
 */
async function fetchOutput(target: OracleTarget, path: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${target.baseUrl}/api/boards/${target.boardId}/${path}`, { headers: { Authorization: `Bearer ${target.facilitatorToken}` } });
    } catch (err) {
      const cause = (err as { cause?: { message?: string } }).cause?.message;
      if (attempt >= 3) throw new Error(`GET ${path} of board ${target.boardId} failed ${attempt} times: ${(err as Error).message}${cause ? ` (${cause})` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      continue;
    }
    if (!res.ok) throw new Error(`GET ${path} of board ${target.boardId} answered ${res.status}`);
    return res.text();
  }
}

/** Reads every output of a board over the HTTP API. */
export async function fetchOutputs(target: OracleTarget): Promise<OutputFiles> {
  const get = (path: string) => fetchOutput(target, path);
  const [mdEn, mdNl, htmlEn, csvEn, csvNl] = await Promise.all([
    get('report.md?lang=en'),
    get('report.md?lang=nl'),
    get('report.html?lang=en'),
    get('notes.csv?lang=en'),
    get('notes.csv?lang=nl'),
  ]);
  return { md: { en: mdEn, nl: mdNl }, html: { en: htmlEn }, csv: { en: csvEn, nl: csvNl } };
}

export async function checkOracle(input: OracleInput): Promise<OracleResult> {
  const { log } = input;
  const read = (t: OracleTarget) => readBoard(t.baseUrl, t.boardId, t.facilitatorToken);
  const main = await read(input.main);
  const { expected, differences } = expectationFor(log, main);
  const tamper = input.tamper ?? ((_label: string, files: OutputFiles) => files);
  const result = judgeOutputs('the board', expected, main, tamper('the board', await fetchOutputs(input.main)));
  differences.push(...result.differences);
  const checked: Record<string, number> = {
    notes: expected.notes.size,
    'deleted notes': expected.deleted.size,
    dots: expected.votes.reduce((n, v) => n + v.dotIds.size, 0),
    people: expected.people.length,
    ...result.checked,
  };
  if (input.backupCopy) {
    const copy = await read(input.backupCopy);
    const judged = judgeOutputs('the restored backup', expected, copy, tamper('the restored backup', await fetchOutputs(input.backupCopy)));
    differences.push(...judged.differences);
    Object.assign(checked, judged.checked);
  }
  if (input.morningCopy) {
    const copy = await read(input.morningCopy);
    differences.push(...judgeMorning('the restored morning snapshot', log, copy));
    checked['morning notes'] = log.morningNotes?.length ?? 0;
  }
  return { ok: differences.length === 0, differences, checked };
}
