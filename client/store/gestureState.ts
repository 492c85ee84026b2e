/**
 * The store's state of gestures in progress: the offset of a drag not yet dropped, Space held down,
 * and connect mode (the next tapped note is connected from the chosen one).
 *
 * Why: the tools set these and the canvas reads them (connectors and outlines follow a drag before it
 * is written to the board); one named change for each keeps every writer saying the same thing.
 * None of this is shared with others (it is not in the document).
 */
import { useStore } from './store.ts';

/** Shows a drag in progress: `ids` are `dx`, `dy` board units from where they were (not yet written). */
export function showDragOffset(ids: readonly string[], dx: number, dy: number): void {
  useStore.setState({ drag: { ids, dx, dy } });
}

/**
 * Ends a drag: the offset is cleared. Called right after the drop wrote the new places: that write is
 * in the store already (the bridge publishes this device's changes at once), so both land in one render.
 */
export function endDrag(): void {
  useStore.setState({ drag: null });
}

/** Space is held down (drags pan the board, even from a note) or let go. */
export function setSpaceHeld(held: boolean): void {
  useStore.setState({ spaceHeld: held });
}

/** Enters connect mode from note `from`: the next tapped note is connected from it. */
export function startConnect(from: string): void {
  useStore.setState({ connectFrom: from });
}

/** Leaves connect mode. */
export function stopConnecting(): void {
  useStore.setState({ connectFrom: null });
}

/** A connection was made to note `to`: connect mode ends, and `to` is selected. */
export function endConnectAt(to: string): void {
  useStore.setState({ connectFrom: null, selection: [to] });
}
