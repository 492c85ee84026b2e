/**
 * The named changes of what this device knows about its link to the server: the connection's
 * status, why a board cannot be opened, a copy held back from merging, changes not yet sent, what a
 * reconnect merged, the undo buttons and the server's clock.
 *
 * Why: the sync code learns these things from the provider, the server and the undo manager; the
 * badge, the dialogs and the toast only read them. Each change here is one store update, so a
 * change that sets several fields renders once, and each says what happened, not which fields moved.
 */
import { useStore, type ConnectionSlice, type ConnectionStatus, type MergeSummary } from './store.ts';

/** This device's stored copy of the board has been loaded. */
export function markLocalCopyLoaded(): void {
  useStore.setState({ localLoaded: true });
}

/**
 * Shows how the connection stands. An open socket (`syncing` or `connected`) also means the board
 * could be opened, so a problem shown earlier is cleared with it.
 */
export function setConnectionStatus(status: ConnectionStatus): void {
  useStore.setState(status === 'syncing' || status === 'connected' ? { status, problem: null } : { status });
}

/** Whether the first sync with the server has completed on the current connection. */
export function setSynced(synced: boolean): void {
  useStore.setState({ synced });
}

/** Says why the board cannot be opened: the link is not (or no longer) valid, or the server does not answer. */
export function showProblem(problem: NonNullable<ConnectionSlice['problem']>): void {
  useStore.setState({ problem });
}

/** The server answered about the board: no problem to show any more. */
export function clearProblem(): void {
  useStore.setState({ problem: null });
}

/** The server has not answered for a while: the board works offline, and the page says the server is unreachable. */
export function showServerUnreachable(): void {
  useStore.setState({ status: 'offline', problem: 'unreachable' });
}

/**
 * This device's copy is of another incarnation of the board (`epoch`) or of a board the server no
 * longer has (`gone`): it stays offline until the person decides what to keep.
 */
export function showConflict(kind: 'epoch' | 'gone'): void {
  useStore.setState({ conflict: kind, status: 'offline' });
}

/**
 * The server refused a change from this device (`reason`: its close reason): the copy cannot be sent,
 * so it stays offline until the person decides. Nothing of it merged, so no "back online" summary.
 */
export function showRefusedChange(reason: string): void {
  useStore.setState({ conflict: 'refused', refusal: reason, status: 'offline', mergeSummary: null });
}

/** How many notes, areas and connectors changed on this device while not connected are not yet sent. */
export function setPending(count: number): void {
  useStore.setState({ pending: count });
}

/** Shows what the last reconnect merged (until dismissed). */
export function setMergeSummary(summary: MergeSummary): void {
  useStore.setState({ mergeSummary: summary });
}

/** Closes the "back online" summary. */
export function dismissMergeSummary(): void {
  useStore.setState({ mergeSummary: null });
}

/** Whether there is an own change to undo, and one to redo. */
export function setCanUndoRedo(canUndo: boolean, canRedo: boolean): void {
  useStore.setState({ canUndo, canRedo });
}

/** The server's time minus this device's, in ms (the timer reads the same on every screen). */
export function setClockOffset(ms: number): void {
  useStore.setState({ clockOffset: ms });
}
