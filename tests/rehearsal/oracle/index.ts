/**
 * The rehearsal's oracle: checks the board, the report (Markdown and HTML), the notes CSV and the
 * restored copies against the rehearsal's own log, and names every difference.
 *
 * Why: a rehearsal proves something only when it compares what the room meant to make with what
 * every output holds, by its own count, not by the server's derivations.
 */
import type { RehearsalLog } from '../log.ts';

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
}

export interface OracleResult {
  readonly ok: boolean;
  /** One line per difference, naming the note or item it concerns. */
  readonly differences: string[];
  /** What was checked, e.g. { notes: 412, dots: 300, 'report.md notes': 412 }. */
  readonly checked: Record<string, number>;
}

export async function checkOracle(_input: OracleInput): Promise<OracleResult> {
  throw new Error('the oracle is not built yet');
}
