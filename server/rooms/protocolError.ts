/**
 * An error caused by what a client sent, carrying the close code to answer it with.
 *
 * Why: a room handler throws it; the socket layer catches it, counts it, logs it and closes only the
 * offending connection, so one bad tablet never takes a board or the process down.
 */
import type { CloseKind } from '../../shared/index.ts';

/** A client's fault, closed with the code of `kind`. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly kind: CloseKind,
    message: string,
  ) {
    super(message);
  }
}
