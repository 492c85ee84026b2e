/**
 * Message types on the board websocket: the standard y-websocket protocol.
 *
 * Why: Olifant speaks y-protocols sync and awareness unchanged, so the stock `WebsocketProvider`
 * works against it. Any message type Olifant adds later gets a named constant and an encode/decode
 * pair here, never an ad-hoc byte in a handler. y-websocket's auth message (type 2) is not used:
 * access is decided at the upgrade, and the server refuses it like any unknown type.
 */

/** y-protocols sync (step 1, step 2, update). */
export const MESSAGE_SYNC = 0;
/** y-protocols awareness update. */
export const MESSAGE_AWARENESS = 1;
/** y-websocket "send me everyone's awareness". */
export const MESSAGE_QUERY_AWARENESS = 3;
