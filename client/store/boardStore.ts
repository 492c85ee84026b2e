/**
 * The client's zustand store: plain snapshots of the board plus connection state.
 *
 * Why: React components read the board from here with narrow selectors and never touch Y types;
 * the sync bridge (client/sync) is the only writer of the board slice.
 */
import { create } from 'zustand';
import type { BoardMeta, Note } from '../../shared/index.ts';

/** Connection to the server as a person would describe it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

export interface BoardState {
  meta: BoardMeta | null;
  /** Notes in display order. */
  notes: Note[];
  status: ConnectionStatus;
  /** Whether the first sync with the server has completed. */
  synced: boolean;
  /** Connection attempts that failed before the first successful one. */
  failedAttempts: number;
  /** Why the board cannot be opened, once that is known: the server refuses the link, or is out of reach. */
  problem: 'link' | 'unreachable' | null;
}

export const initialBoardState: BoardState = {
  meta: null,
  notes: [],
  status: 'connecting',
  synced: false,
  failedAttempts: 0,
  problem: null,
};

export const useBoardStore = create<BoardState>()(() => ({ ...initialBoardState }));
