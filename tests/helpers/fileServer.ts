/**
 * Test helper: one real server for a whole test file, started before its tests on a temporary data
 * dir and closed after them, with the clients the file lists.
 *
 * Why: most integration files need exactly that; written once here, each file states only what it
 * tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ServerConfig } from '../../server/config.ts';
import type { RunningServer } from '../../server/server.ts';
import type { TestClient } from './clients.ts';
import { startTestServer, tempDir } from './server.ts';

export interface FileServer {
  /** The running server (from the file's first test on). */
  readonly server: RunningServer;
  /** Clients to destroy when the file is done. */
  readonly clients: TestClient[];
}

/** Registers the file's server: `overrides` replace the test defaults of `startTestServer`. */
export function serverPerFile(overrides: Partial<ServerConfig> = {}): FileServer {
  const dir = tempDir();
  const clients: TestClient[] = [];
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(dir.path, overrides);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.close();
    dir.cleanup();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts before the first test');
      return server;
    },
    clients,
  };
}
