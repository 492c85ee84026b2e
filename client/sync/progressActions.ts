/**
 * Table progress actions: the facilitator's "Ready?" call and the projector's progress view, and a
 * participant's answer for their table, each one shared named mutation with the `local` origin.
 *
 * Why: the call is the facilitator's frame (server time, so every screen orders it alike); the
 * answer is the person's own (written in their own entry of `people`, which the server lets nobody
 * else write), so a tablet can say "we're ready" without touching the facilitator's frame.
 */
import type * as Y from 'yjs';
import { callReady, endReadyCall, ORIGIN, setProjectorProgress, setReady } from '../../shared/index.ts';
import { useStore } from '../store/store.ts';
import { serverNow } from './serverClock.ts';

const local = ORIGIN.local;

/** The progress actions bound to one document. */
export function createProgressActions(doc: Y.Doc) {
  return {
    /** The facilitator asks every table "Ready?" (a new call; earlier answers no longer count). */
    callReady: () => callReady(doc, serverNow(), local),
    /** The facilitator ends the call: the prompt leaves every tablet. */
    endReadyCall: () => endReadyCall(doc, local),
    /** The facilitator shows (or hides) the tables' progress on the projector. */
    setProjectorProgress: (on: boolean) => setProjectorProgress(doc, on, local),
    /** This person answers the current call for their table (`true`), or takes the answer back. */
    answerReady(ready: boolean) {
      const s = useStore.getState();
      const call = s.facilitation.readyCall;
      setReady(doc, s.me.id, ready && call ? call.id : null, local);
    },
  };
}
