/**
 * Which tools this device's person may use, by the facilitator's setting for the board (notes only,
 * notes and votes, everything), and the short line that tells a participant a tool is off.
 *
 * Why: the UI hides what is off, and every action that would write it checks here first, so a
 * keyboard shortcut, a double tap or a drop never sends what the server would refuse; the rule itself
 * is the shared one the server uses.
 */
import { mayUseTool, type ParticipantTools, type ToolKind } from '../../shared/index.ts';
import { languageStore, translate } from '../i18n/i18n.ts';
import { useStore, type StoreState } from './store.ts';
import { notify } from './ui.ts';

/** Whether the person on this device may use tools of kind `kind` now. */
export function mayUse(s: StoreState, kind: ToolKind): boolean {
  return mayUseTool(s.me.role, s.facilitation.participantTools, kind);
}

/** React hook: whether this device's person may use tools of kind `kind` (re-renders when it changes). */
export function useMayUse(kind: ToolKind): boolean {
  return useStore((s) => mayUse(s, kind));
}

/** The line a participant sees where a tool is off, or `null` when nothing is off for them. */
export function toolsOffLine(s: StoreState): string | null {
  const setting: ParticipantTools = s.facilitation.participantTools;
  if (s.me.role !== 'participant' || setting === 'everything') return null;
  return translate(languageStore.getState().lang, setting === 'notes' ? 'toolsOffNotes' : 'toolsOffNotesAndVotes');
}

/**
 * Whether tools of kind `kind` are off for this device's person; when they are, says so in a notice.
 * Actions call it before writing (`if (toolOff('areas')) return`).
 */
export function toolOff(kind: ToolKind): boolean {
  const s = useStore.getState();
  if (mayUse(s, kind)) return false;
  notify(toolsOffLine(s) ?? translate(languageStore.getState().lang, 'reasonToolSwitchedOff'));
  return true;
}
