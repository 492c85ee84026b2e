/**
 * What this person may not change because the facilitator locked it: the whole board, an area, or
 * a note inside a locked area. The facilitator is never locked out.
 *
 * Why: the server enforces the board lock; area locks are kept by the UI (and the model) so a table's
 * finished work is not moved by accident. One rule, used by every gesture and command.
 */
import { isNoteInArea } from '../../shared/index.ts';
import type { StoreState } from './store.ts';

/** Whether the board or the given note or area is locked for this person. */
export function isLockedForMe(s: StoreState, id: string): boolean {
  if (s.me.role === 'facilitator') return false;
  if (s.readOnly) return true;
  const area = s.areas[id];
  if (area) return area.locked;
  const note = s.notes[id];
  if (!note) return false;
  for (const areaId of s.areaIds) {
    const a = s.areas[areaId];
    if (a?.locked && isNoteInArea(note, a)) return true;
  }
  return false;
}

/** Whether a board point lies in a locked area (no new notes there for this person). */
export function isPointLockedForMe(s: StoreState, p: { x: number; y: number }): boolean {
  if (s.me.role === 'facilitator') return false;
  if (s.readOnly) return true;
  return s.areaIds.some((id) => {
    const a = s.areas[id];
    return !!a?.locked && p.x >= a.x && p.x <= a.x + a.w && p.y >= a.y && p.y <= a.y + a.h;
  });
}

/** Whether participants are read-only now: the projector always, participants while the board is locked. */
export function readOnlyFor(role: StoreState['me']['role'], boardLocked: boolean): boolean {
  return role === 'projector' || (role === 'participant' && boardLocked);
}
