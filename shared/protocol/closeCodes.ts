/**
 * Named websocket close codes (and reasons) the server uses when it ends a connection. A socket that
 * stops answering pings is not closed but terminated (no code reaches it).
 *
 * Why: a closed socket should say why, in logs, metrics and the client's connection badge. Codes in
 * the 4000-4999 range are private to an application; 1001, 1009 and 1011 are the standard ones that fit.
 * As the y-websocket provider reads them: 4400-4499 mean "do not reconnect, retrying cannot help"
 * (the client sent something wrong, or its access was revoked); every other code means "reconnect".
 */
export const CLOSE = {
  /** The server is shutting down; reconnect later. */
  goingAway: { code: 1001, reason: 'server shutting down' },
  /** A frame over the configured size limit (sent by ws itself when `maxPayload` is exceeded). */
  messageTooBig: { code: 1009, reason: 'message too big' },
  /** A frame that could not be decoded (truncated, bad varint, trailing junk in a field). */
  malformedMessage: { code: 4400, reason: 'malformed message' },
  /** A text frame: the protocol is binary only. */
  textFrame: { code: 4415, reason: 'text frames are not accepted' },
  /** A message type the server does not know. */
  unknownMessageType: { code: 4405, reason: 'unknown message type' },
  /** A sync message whose Yjs update or state vector is invalid. */
  invalidUpdate: { code: 4422, reason: 'invalid yjs update' },
  /** A participant's change to what only the facilitator may change (the frame: agenda, timer,
   * locks, groups, votes, confirmations). Honest clients never send one. */
  forbiddenWrite: { code: 4403, reason: 'only the facilitator may change that' },
  /** A participant's dot in another person's name (a proven id not theirs). Honest clients never send one. */
  notYourDot: { code: 4403, reason: 'a dot may only be placed in your own name' },
  /** A participant's rename, merge or dissolve of a cluster someone else made (only its maker and the
   * facilitator may). Honest clients never send one: they hide those controls. */
  notYourCluster: { code: 4403, reason: 'only the facilitator or its maker may rename or dissolve a cluster' },
  /** A participant's change to another person's entry in `people` (each writes their own; the
   * facilitator anyone's). Honest clients never send one. */
  notYourPerson: { code: 4403, reason: 'you may only write your own entry in people' },
  /** A participant's note, stance, cluster or action-card sign-up in the name (author field) of someone
   * the connection did not prove it may write as. Honest clients never send one. */
  notYourName: { code: 4403, reason: 'you may only write in your own name' },
  /** Changes under a document client ID bound to another device key, sent again for longer than a
   * device's own tabs take to catch up. Honest clients send one only after Yjs gave two devices the
   * same client ID; they then start again from the server's board, keeping their notes. */
  notYourClient: { code: 4403, reason: 'that document client id belongs to another device' },
  /** A participant's change that uses a tool the facilitator switched off for participants on this
   * board (`facilitation.participantTools`): areas, connectors, clusters, action cards or dots. */
  toolSwitchedOff: { code: 4403, reason: 'the facilitator has switched that tool off for participants' },
  /** The access link was revoked while connected. */
  revoked: { code: 4410, reason: 'access revoked' },
  /** The server could not store the board's changes; reconnect to resync. */
  storageFailure: { code: 4500, reason: 'storage failure' },
  /** The server reloaded the board from storage (an update failed inside Yjs); reconnect to resync. */
  boardReloaded: { code: 1012, reason: 'board reloaded: reconnect' },
  /** Another server process took the board over (its lease); reconnect to reach the one serving it now. */
  leaseLost: { code: 1012, reason: 'board moved to another server: reconnect' },
  /** The board could not be loaded. */
  loadFailure: { code: 4501, reason: 'board could not be loaded' },
  /** Something went wrong inside the server while handling a message. */
  internalError: { code: 1011, reason: 'internal error' },
  /** The client sent far faster than its rate for too long; reconnect (standard "try again later"). */
  tooManyMessages: { code: 1013, reason: 'too many messages: try again later' },
} as const;

/** The name of a close the server makes (a key of `CLOSE`). */
export type CloseKind = keyof typeof CLOSE;

/**
 * The closes that refuse a change this client sent to the board (as opposed to its link, its framing
 * or the server's state): reconnecting would send the same change again and be refused again, so the
 * client must start again from the server's board instead (keeping what it can), not retry. Framing
 * faults (4400, 4405, 4415) are not here: no honest client of this version sends them, and starting
 * again from the board would not help an outdated one.
 */
const REFUSED_CHANGE: ReadonlySet<number> = new Set((['invalidUpdate', 'forbiddenWrite', 'notYourDot', 'notYourCluster', 'notYourPerson', 'notYourName', 'notYourClient', 'toolSwitchedOff'] as const).map((k) => CLOSE[k].code));

/** Whether a close with `code` refuses a change the client sent (see REFUSED_CHANGE). */
export function refusesAChange(code: number): boolean {
  return REFUSED_CHANGE.has(code);
}
