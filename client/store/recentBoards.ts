/**
 * The boards this browser created or opened, with their links and roles, kept in localStorage, and
 * the join codes (`/j/<code>`) it learned for them.
 *
 * Why: a facilitator must find yesterday's board again without digging through e-mail; the links
 * are the only keys (no accounts), so this device keeps them, and only this device. The join codes
 * let the projector's QR code open a board this device has even when the network is down: only the
 * server knows where a code leads, so the device keeps what the server told it.
 */
import { useSyncExternalStore } from 'react';
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

const listeners = new Set<() => void>();
let snapshot: RecentBoard[] | null = null;

function changed(): void {
  snapshot = null;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab of this browser opened or forgot a board.
  const onStorage = (e: StorageEvent) => e.key === KEY && changed();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The remembered boards, kept current: a board created, opened or forgotten here shows at once. */
export function useRecentBoards(): RecentBoard[] {
  return useSyncExternalStore(subscribe, () => (snapshot ??= recentBoards()));
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

const CODES_KEY = 'olifant.joinCodes';
const CODE = /^[a-z0-9]{4,16}$/;

/** The join codes this device learned, code -> board id. */
function joinCodes(): Record<string, string> {
  try {
    const map = JSON.parse(localStorage.getItem(CODES_KEY) ?? '{}') as unknown;
    return map && typeof map === 'object' && !Array.isArray(map) ? (map as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Remembers that join code `code` leads to board `boardId` (as the server said when it was online). */
export function rememberJoinCode(code: string, boardId: string): void {
  if (!CODE.test(code)) return;
  const map = joinCodes();
  if (map[code] === boardId) return;
  // One code per board is enough (a replaced participant link gets a new code); the newest wins.
  const kept = Object.entries(map).filter(([c, id]) => c !== code && id !== boardId);
  write(CODES_KEY, Object.fromEntries([...kept.slice(-(MAX - 1)), [code, boardId]]));
}

/**
 * The board a join code leads to, if this device knows the code and still has the board on its
 * list: the most recently opened link of it (any role). Undefined for a code this device never saw.
 */
export function boardOfJoinCode(code: string): RecentBoard | undefined {
  const id = CODE.test(code) ? joinCodes()[code] : undefined;
  return id === undefined ? undefined : recentBoards().find((b) => b.id === id);
}

function save(list: RecentBoard[]): void {
  write(KEY, list);
  changed();
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the list simply is not kept.
  }
}
