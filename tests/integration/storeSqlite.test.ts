/**
 * The storage contract on the embedded SQLite store, each test on a file in a new temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../server/persistence/openStore.ts';
import { storeContract } from './storeContract.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'olifant-store-'));
  dirs.push(dir);
  // No database URL: the default, as a fresh clone runs.
  return openStore({ dataDir: dir });
});
