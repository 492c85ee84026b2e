/**
 * A stable, random id for this device, kept in localStorage.
 *
 * Why: notes record their author without accounts; the id survives reloads on the same tablet.
 */
import { isId, newRecordId } from '../../shared/index.ts';

const KEY = 'olifant.deviceId';

/** Without storage (private mode): an id for this page only, so two such devices are two people. */
let pageId: string | undefined;

/**
 * This device's author id (made on first use). One in storage that is not of the id's shape (which the
 * server would refuse at the join) is replaced by a new one: this device then joins as a new person.
 */
export function deviceId(): string {
  try {
    let id = localStorage.getItem(KEY);
    if (!id || !isId(id)) {
      id = newRecordId();
      localStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return (pageId ??= newRecordId());
  }
}

