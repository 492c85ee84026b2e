/**
 * Which stakeholder group I am in on a board, remembered on this device per board.
 *
 * Why: joining has no account; a person picks their group once per board (and may change it), and
 * a reload or an offline restart must not ask again. `''` means "I am in no group" (for example the
 * facilitator), `null` that the person has not been asked yet.
 */
const key = (boardId: string) => `olifant.group.${boardId}`;

/** The remembered group for a board: an id, `''` for none, or `null` when never chosen. */
export function rememberedGroup(boardId: string): string | null {
  try {
    return localStorage.getItem(key(boardId));
  } catch {
    return null;
  }
}

/** Remembers my group for a board. */
export function rememberGroup(boardId: string, groupId: string): void {
  try {
    localStorage.setItem(key(boardId), groupId);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}
