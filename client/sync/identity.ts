/**
 * Who I am on a board beyond my device id: my stakeholder group (remembered per board), and
 * continuing as the same person on another device through a link that holds my participant id,
 * name and group, adopted once by the device that opens it.
 *
 * Why: there are no accounts. A participant id is proven to the server by a key kept with it (the
 * first key used with an id on the server binds it). A person picks their group once per board (`''` means "no group",
 * `null` "not asked yet"), and "one person" is one participant id: someone who moves from the table's
 * tablet to their phone (or votes from both) stays one voter, as the dot limit counts per participant.
 */
import { isId } from '../../shared/index.ts';
import { deviceId } from './device.ts';

const NAME_KEY = 'olifant.name';

const meKey = (boardId: string) => `olifant.me.${boardId}`;

/**
 * Who I am on this board: the participant id taken over from another device for this board, if any,
 * else this device's own id. Per board, so a shared table tablet that opened someone's personal link
 * for one board is not that person on every other board.
 */
export function participantId(boardId: string): string {
  try {
    const adopted = localStorage.getItem(meKey(boardId));
    if (adopted && isId(adopted)) return adopted;
  } catch {
    // Private mode: this device's id.
  }
  return deviceId();
}

const personKeyKey = (id: string) => `olifant.key.${id}`;

/**
 * The secret that proves my participant id to the server (made on first use, kept with the id). The
 * first key used with an id on the server binds it, so nobody else can show up as me; it travels
 * only in my own websocket URL and in the link that continues on another device.
 */
export function personKey(id: string): string {
  try {
    let key = localStorage.getItem(personKeyKey(id));
    // One the server would refuse at the join (it takes 16-200 characters) is made anew: the server
    // never bound the id with it, so the new key can.
    if (!key || key.length < 16 || key.length > 200) {
      key = Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(personKeyKey(id), key);
    }
    return key;
  } catch {
    return ''; // Private mode: join without proving an id.
  }
}

/**
 * What my websocket tells the server about me: my participant id and its key (join data). Without
 * storage there is no key, and none is sent: the page joins without proving its id.
 */
export function joinParams(boardId: string): { person: string; key?: string } {
  const person = participantId(boardId);
  const key = personKey(person);
  return key ? { person, key } : { person };
}

/** A link that opens this board on another device as me. */
export function handoffLink(boardId: string, token: string, me: { name: string; groupId: string | null }): string {
  const { person, key } = joinParams(boardId);
  // Without a key (no storage here) the id cannot be proven: the other device starts as itself.
  const params = new URLSearchParams(key ? { token, me: person, key, name: me.name } : { token, name: me.name });
  if (me.groupId !== null) params.set('group', me.groupId);
  return `${location.origin}/b/${boardId}#${params.toString()}`;
}

/**
 * Adopts the identity in this page's link, if it holds one, and removes it from the address bar
 * (so a copied link does not pass it on). Returns the name it brought, if any.
 */
export function takeHandoff(boardId: string): string | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const me = params.get('me');
  if (!me) return null;
  const name = params.get('name')?.trim().slice(0, 60) ?? '';
  const group = params.get('group');
  const key = params.get('key');
  try {
    // The id only with its key (brought by the link, or already here): without it this device could
    // not prove the id, and its dots and its entry among the people would be refused as another's.
    const keyHere = localStorage.getItem(personKeyKey(me));
    const keyBrought = key !== null && /^[0-9a-f]{16,200}$/.test(key);
    if (isId(me) && (keyBrought || keyHere)) {
      if (keyBrought) localStorage.setItem(personKeyKey(me), key);
      localStorage.setItem(meKey(boardId), me);
    }
    if (name) localStorage.setItem(NAME_KEY, name);
  } catch {
    // Private mode: the name is asked again.
  }
  if (group !== null && (group === '' || isId(group))) rememberGroup(boardId, group);
  for (const field of ['me', 'key', 'name', 'group']) params.delete(field);
  history.replaceState(null, '', `${location.pathname}${location.search}#${params.toString()}`);
  return name || null;
}

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
