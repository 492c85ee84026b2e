/**
 * The token secret: from OLIFANT_SECRET, or generated once and kept in the data dir.
 *
 * Why: links handed out in the morning must still work after a restart at lunch, with no set-up.
 * The file is created with mode 0600 and never served.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** File name of the generated secret inside the data dir. */
export const SECRET_FILE = 'secret.key';

/** Returns the secret bytes: `configured` if given, else the data dir's secret file (made if missing). */
export function loadSecret(dataDir: string, configured: string | undefined): Uint8Array {
  if (configured) return new TextEncoder().encode(configured);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < 32) throw new Error(`${file} holds no usable secret; delete it to make a new one`);
  return new TextEncoder().encode(text);
}
