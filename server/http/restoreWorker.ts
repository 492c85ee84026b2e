/**
 * A restore's heavy part, run in a worker thread (see restore.ts): parse the backup, build the board
 * as a new incarnation, encode it with its client ID bindings (the backup's, and the server for the
 * IDs it has none for; see contentOf). Posts `{ ok: true, state, title, writers }` or `{ ok: false, message }`.
 *
 * Why: a backup comes from anyone (a restore needs no link) and may be 64 MiB. Parsed and applied on
 * the main thread, one stalled every board on the server for seconds, and a few at once could take
 * the process past its memory. Here a hostile file costs a worker, not the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { modelError, readMeta, ValidationError } from '../../shared/index.ts';
import { restoreBackup } from '../../shared/report/index.ts';
import { contentOf } from './createBoard.ts';

const { body, title } = workerData as { body: Uint8Array; title: string | undefined };
try {
  let input: unknown;
  try {
    input = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw modelError('backupNotJson');
  }
  const { doc, writers } = restoreBackup(input, title);
  const { state, title: restoredTitle, writers: bound } = contentOf(doc, writers);
  parentPort!.postMessage({ ok: true, state, title: restoredTitle, writers: bound }, [state.buffer as ArrayBuffer]);
} catch (err) {
  if (!(err instanceof ValidationError)) throw err; // the worker's error event: answered as a failure
  parentPort!.postMessage({ ok: false, message: err.message });
}
