/**
 * Structured logs (pino), one child logger per module with a `module` field.
 *
 * Why: a server log must say what happened and where, in a form machines can filter. Tokens never
 * reach a log line: upgrade URLs are logged without their query string.
 */
import { pino, type Logger } from 'pino';

/** A pino logger. */
export type { Logger };

/** Creates the root logger at `level` ('silent' in tests). */
export function createLogger(level: string): Logger {
  // Node's URL errors carry the text they failed on (`input`), which may hold a token.
  return pino({ level, base: { service: 'olifant' }, redact: { paths: ['err.input', 'input'], censor: '[redacted]' } });
}

/** A URL path with its query string removed, safe to log. */
export function redactUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}
