/**
 * Small HTTP helpers: JSON answers, bounded JSON bodies, errors that carry their status, and the
 * base URL of the links the server hands out.
 *
 * Why: every API error must reach the caller as a status plus a message saying what to do, and a
 * body can never be larger than the route allows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error that becomes an HTTP answer with `status` and the body `{ "error": message }` (`ApiErrorBody`). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request's URL, or a 400 for a request target that is not one (`//`, `//%`, `//a:99999/`):
 * Node's URL parser throws on those, and its error carries the whole target, token included, so it
 * must neither become a 500 nor reach a log.
 */
export function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, 'bad request target; use a path such as /api/boards');
  }
}

/** Sends `value` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Reads a body of at most `limit` bytes, or throws an `HttpError` (413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, `request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `request body over ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON body of at most `limit` bytes, or throws an `HttpError` (400 or 413). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'request body is empty; send JSON such as {"title": "Future of our city"}');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON; send JSON such as {"title": "Future of our city"}');
  }
}

/** Where the links' base URL comes from: the configured public URL, else the request's Host. */
export interface BaseUrlDeps {
  /** Configured base URL for links (OLIFANT_PUBLIC_URL), or `undefined` to use the request's Host. */
  readonly publicUrl: string | undefined;
}

/** The links' base URL: the configured public URL, or the request's Host. */
export function baseUrl(deps: BaseUrlDeps, req: IncomingMessage): string {
  if (deps.publicUrl) return deps.publicUrl;
  const host = req.headers.host;
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) throw new HttpError(400, 'missing or bad Host header');
  return `http://${host}`;
}
