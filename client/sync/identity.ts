/**
 * Who I am on a board beyond my device id: my stakeholder group (remembered per board), and
 * continuing as the same person on another device through a link that holds my participant id,
 * name and group, adopted once by the device that opens it.
 *
 * Why: there are no accounts. A participant id is proven to the server by a key kept with it (the
 * first key used with an id on the server binds it). A person picks their group once per board (`''` means "no group",
 * `null` "not asked yet"), and "one person" is one participant id: someone who moves from the table's
 * tablet to their phone (or votes from both) stays one voter, as the dot limit counts per participant.
 * A device keeps proving, on that board, its own id and the ids handed over to it: the server takes a
 * note, stance or sign-up only in a name the device proved, so what it wrote as each stays its own.
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

/** Without storage (private mode): keys made for this page's life, by id. */
const pageKeys = new Map<string, string>();

const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The secret that proves my participant id to the server (made on first use, kept with the id). The
 * first key used with an id on the server binds it, so nobody else can show up as me; it travels
 * only in my own websocket URL and in the link that continues on another device. Without storage the
 * key lasts as long as the page: its id (the page's own) is proven, and recognised when it reconnects.
 */
export function personKey(id: string): string {
  try {
    let key = localStorage.getItem(personKeyKey(id));
    // One the server would refuse at the join (it takes 16-200 characters) is made anew: the server
    // never bound the id with it, so the new key can.
    if (!key || key.length < 16 || key.length > 200) {
      key = newKey();
      localStorage.setItem(personKeyKey(id), key);
    }
    return key;
  } catch {
    let key = pageKeys.get(id);
    if (!key) pageKeys.set(id, (key = newKey()));
    return key;
  }
}

const adoptedKey = (boardId: string) => `olifant.adopted.${boardId}`;
/** Most ids handed over to this device that it keeps proving on one board (with its own id: the server's 8). */
const MAX_ADOPTED = 7;

/** The ids handed over to this device for this board, newest first (their notes stay theirs to write). */
function adoptedIds(boardId: string): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(adoptedKey(boardId)) ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && isId(id)).slice(0, MAX_ADOPTED) : [];
  } catch {
    return [];
  }
}

/** The ids besides `person` this device proves on this board, with their keys: its own, and those handed over to it. */
function alsoIds(boardId: string, person: string): { id: string; key: string }[] {
  const out: { id: string; key: string }[] = [];
  const device = deviceId();
  if (device !== person) out.push({ id: device, key: personKey(device) });
  for (const id of adoptedIds(boardId)) {
    if (id === person || id === device) continue;
    let key: string | null = null;
    try {
      key = localStorage.getItem(personKeyKey(id));
    } catch {
      // Private mode: nothing was handed over.
    }
    if (key && key.length >= 16 && key.length <= 200) out.push({ id, key });
  }
  return out;
}

/**
 * What my websocket tells the server about me (join data): my participant id and its key, and in
 * `also` the other ids this device may write as on this board (its own, those handed over to it) as
 * `id:key` pairs separated by commas (the provider sends one value per name).
 */
export function joinParams(boardId: string): { person: string; key: string; also?: string } {
  const person = participantId(boardId);
  const key = personKey(person);
  const also = alsoIds(boardId, person);
  return also.length ? { person, key, also: also.map((p) => `${p.id}:${p.key}`).join(',') } : { person, key };
}

/** Every participant id this device proves on this board: the notes it keeps may be written in these names. */
export function writableIds(boardId: string): ReadonlySet<string> {
  const person = participantId(boardId);
  return new Set([person, ...alsoIds(boardId, person).map((p) => p.id)]);
}

/** A link that opens this board on another device as me. */
export function handoffLink(boardId: string, token: string, me: { name: string; groupId: string | null }): string {
  const { person, key } = joinParams(boardId);
  const params = new URLSearchParams({ token, me: person, key, name: me.name });
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
      const adopted = [me, ...adoptedIds(boardId).filter((id) => id !== me)].slice(0, MAX_ADOPTED);
      localStorage.setItem(adoptedKey(boardId), JSON.stringify(adopted));
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
