/**
 * The board's `people` registry (everyone who joined: name, group, role) into the store, for the
 * people list.
 *
 * Why: in a crowd a device is sent the presence of its own table and the facilitator only, so the
 * people list cannot be built from awareness; the registry in the document has everyone, and the
 * seats say who sits where.
 */
import type * as Y from 'yjs';
import { listPeople, peopleMap } from '../../shared/index.ts';
import { setRegistry } from '../store/crowd.ts';

/** Keeps the store's copy of the registry current (re-read at most once a frame); returns the stop. */
export function watchPeopleRegistry(doc: Y.Doc): () => void {
  let frame = 0;
  const read = () => {
    frame = 0;
    setRegistry(listPeople(doc));
  };
  const handler = () => {
    if (frame === 0) frame = requestAnimationFrame(read);
  };
  const map = peopleMap(doc);
  map.observe(handler);
  read();
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    map.unobserve(handler);
  };
}
