/**
 * Whether the board's overlays (the overview map and the groups' key) are shown on this device:
 * hidden until a person shows them, and remembered per device once they choose.
 *
 * Why: a map and a key fixed over the board covered area titles ("Trends mind map", "Common
 * ground") and the notes beneath them, worst on tablets and phones. Nothing fixed may cover the
 * board's content unless a person asked for it; the toolbar's button shows them on demand, and the
 * choice sticks on that device (a laptop that wants the map keeps it, a tablet that hid it stays so).
 */
import { create } from 'zustand';

/** The localStorage key of the choice on this device. */
export const OVERLAYS_KEY = 'olifant.overlays';

/** Whether the overlays start shown, from what this device stored ('shown', 'hidden' or nothing). */
export function overlaysStartShown(stored: string | null): boolean {
  return stored === 'shown';
}

function stored(): string | null {
  try {
    return localStorage.getItem(OVERLAYS_KEY);
  } catch {
    return null;
  }
}

/** The overlays' state: shown or not. */
export const useOverlays = create<{ shown: boolean }>(() => ({ shown: overlaysStartShown(stored()) }));

/** Shows or hides the overview map and the groups' key, and remembers the choice on this device. */
export function setOverlaysShown(shown: boolean): void {
  useOverlays.setState({ shown });
  try {
    localStorage.setItem(OVERLAYS_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // Storage may be off (private mode): the choice then lasts this page only.
  }
}
