/**
 * Websocket frames below what any websocket library will send: a handshake over a plain TCP socket,
 * then frames with bad opcodes, reserved bits, no mask, oversized or fragmented control frames, stray
 * continuations, impossible lengths, bad UTF-8 and bad close codes.
 *
 * Why: these reach the server's websocket layer (ws), not Olifant's handlers; the fuzzer checks that
 * each closes only its own socket and never the process.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import * as prng from 'lib0/prng';

interface FrameSpec {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  masked?: boolean;
  payload?: Uint8Array;
  /** Length to announce instead of the payload's (a lie). */
  announced?: bigint;
}

/** Encodes one websocket frame as a client would (masked unless told otherwise). */
export function encodeFrame({ fin = true, rsv = 0, opcode, masked = true, payload = new Uint8Array(), announced }: FrameSpec): Buffer {
  const length = announced ?? BigInt(payload.length);
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const maskBit = masked ? 0x80 : 0;
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) head.push(maskBit | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  else {
    head.push(maskBit | 127);
    for (let i = 7; i >= 0; i--) head.push(Number((length >> BigInt(i * 8)) & 0xffn));
  }
  const mask = masked ? randomBytes(4) : Buffer.alloc(0);
  const body = Buffer.from(payload);
  if (masked) for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i % 4]!;
  return Buffer.concat([Buffer.from(head), mask, body]);
}

const closePayload = (code: number, reason = '') => Uint8Array.from([code >> 8, code & 0xff, ...Buffer.from(reason)]);

/** Named ways to break the framing; each is what follows one valid binary message. */
export const BAD_FRAMES: Record<string, (gen: prng.PRNG, valid: Uint8Array, maxPayload: number) => Buffer[]> = {
  reservedOpcode: (gen) => [encodeFrame({ opcode: prng.oneOf(gen, [3, 4, 5, 6, 7, 11, 12, 13, 14, 15]), payload: Uint8Array.of(1, 2, 3) })],
  rsvBits: (gen, valid) => [encodeFrame({ opcode: 2, rsv: prng.uint32(gen, 1, 7), payload: valid })],
  unmasked: (_gen, valid) => [encodeFrame({ opcode: 2, masked: false, payload: valid })],
  bigControlFrame: () => [encodeFrame({ opcode: 9, payload: new Uint8Array(200) })],
  fragmentedControlFrame: () => [encodeFrame({ opcode: 9, fin: false, payload: Uint8Array.of(1) })],
  strayContinuation: (_gen, valid) => [encodeFrame({ opcode: 0, payload: valid })],
  interleavedMessage: (_gen, valid) => [encodeFrame({ opcode: 2, fin: false, payload: valid.slice(0, 1) }), encodeFrame({ opcode: 2, payload: valid })],
  impossibleLength: () => [encodeFrame({ opcode: 2, announced: 0x8000_0000_0000_0000n })],
  lengthOverLimit: (_gen, _valid, max) => [encodeFrame({ opcode: 2, announced: BigInt(max + 1) })],
  cutShort: (_gen, valid) => [encodeFrame({ opcode: 2, payload: valid }).subarray(0, 3)],
  badUtf8Text: () => [encodeFrame({ opcode: 1, payload: Uint8Array.of(0xc3, 0x28, 0xff) })],
  badCloseCode: (gen) => [encodeFrame({ opcode: 8, payload: closePayload(prng.oneOf(gen, [0, 999, 1004, 1005, 1006, 2999, 5000])) })],
  oneByteClose: () => [encodeFrame({ opcode: 8, payload: Uint8Array.of(3) })],
  manyPings: () => Array.from({ length: 50 }, () => encodeFrame({ opcode: 9, payload: Uint8Array.of(7) })),
};

/**
 * Opens `/ws/...` over plain TCP, sends `valid` as a proper binary frame, then the frames of `badKind`,
 * and resolves once the server has closed the socket (or after `timeoutMs`, then closes it itself).
 * Resolves false if the handshake was refused.
 */
export function sendRawFrames(
  port: number,
  path: string,
  frames: (valid: Uint8Array) => Buffer[],
  valid: Uint8Array,
  timeoutMs = 5000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let head = '';
    let upgraded = false;
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('connect', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      if (upgraded) return;
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      if (!head.startsWith('HTTP/1.1 101')) return socket.destroy();
      upgraded = true;
      socket.write(Buffer.concat([encodeFrame({ opcode: 2, payload: valid }), ...frames(valid)]));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(upgraded);
    });
  });
}
