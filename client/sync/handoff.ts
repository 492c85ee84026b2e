/**
 * Continuing as the same person on another device: a link that carries my participant id, name and
 * stakeholder group along with the board link, adopted once by the device that opens it.
 *
 * Why: there are no accounts, so "one person" is one participant id. Someone who moves from the
 * table's tablet to their phone (or votes from both) stays one voter: the dot limit counts per
 * participant id, whatever device the dots came from.
 */
import { isId } from '../../shared/index.ts';
import { adoptDeviceId, deviceId } from './device.ts';
import { rememberGroup } from './myGroup.ts';

const NAME_KEY = 'olifant.name';

/** A link that opens this board on another device as me. */
export function handoffLink(boardId: string, token: string, me: { name: string; groupId: string | null }): string {
  const params = new URLSearchParams({ token, me: deviceId(), name: me.name });
  if (me.groupId !== null) params.set('group', me.groupId);
  return `${location.origin}/b/${boardId}#${params.toString()}`;
}

/**
 * Adopts the identity in this page's link, if it carries one, and removes it from the address bar
 * (so a copied link does not carry it on). Returns the name it brought, if any.
 */
export function takeHandoff(boardId: string): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const me = params.get('me');
  if (!me) return null;
  const name = params.get('name')?.trim().slice(0, 60) ?? '';
  const group = params.get('group');
  if (isId(me)) adoptDeviceId(me);
  try {
    if (name) localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode: the name is asked again.
  }
  if (group !== null && (group === '' || isId(group))) rememberGroup(boardId, group);
  for (const key of ['me', 'name', 'group']) params.delete(key);
  history.replaceState(null, '', `${location.pathname}${location.search}#${params.toString()}`);
  return name || null;
}
