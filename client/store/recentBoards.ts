/**
 * The boards this browser created or opened, with their links and roles, kept in localStorage.
 *
 * Why: a facilitator must find yesterday's board again without digging through e-mail; the links
 * are the only keys (no accounts), so this device keeps them, and only this device.
 */
import type { Role } from '../../shared/index.ts';

/** A board opened on this device, as the start page lists it. */
export interface RecentBoard {
  readonly id: string;
  readonly title: string;
  readonly role: Role;
  /** The full link, token included. */
  readonly link: string;
  /** When it was last opened here, ms since the epoch. */
  readonly lastOpened: number;
}

const KEY = 'olifant.boards';
const MAX = 50;

/** The remembered boards, most recently opened first. */
export function recentBoards(): RecentBoard[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(list)) return [];
    return list
      .filter((b): b is RecentBoard => typeof b?.id === 'string' && typeof b.link === 'string' && typeof b.role === 'string')
      .sort((a, b) => b.lastOpened - a.lastOpened);
  } catch {
    return [];
  }
}

/** Remembers (or refreshes) a board; one entry per board and role, the most recent kept. */
export function rememberBoard(board: Omit<RecentBoard, 'lastOpened'>): void {
  const rest = recentBoards().filter((b) => !(b.id === board.id && b.role === board.role));
  save([{ ...board, lastOpened: Date.now() }, ...rest].slice(0, MAX));
}

/** Forgets a board on this device (the board itself is not touched). */
export function forgetBoard(id: string, role: Role): void {
  save(recentBoards().filter((b) => !(b.id === id && b.role === role)));
}

function save(list: RecentBoard[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private mode or full storage: the list simply is not kept.
  }
}
