import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, tempDir } from '../helpers/server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = tempDir();
let child: ReturnType<typeof spawn> | undefined;
afterAll(() => {
  // npm starts the server as its child: end the whole process group.
  try {
    if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  dir.cleanup();
});

describe('npm start', () => {
  it('builds the client and the server bundle when needed and serves the page, the API (a restore in its bundled worker too) and the websocket endpoint', async () => {
    const port = await freePort();
    child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OLIFANT_DATA_DIR: dir.path, OLIFANT_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${out}`);
      const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const html = await (await fetch(`${base}/b/AAAAAAAAAAAAAAAAAAAAAA`)).text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await fetch(`${base}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const created = await fetch(`${base}/api/boards`, { method: 'POST', body: JSON.stringify({ title: 'Started' }) });
    expect(created.status).toBe(201);
    // A restore runs in the bundled worker beside the bundled server.
    const { id, links } = (await created.json()) as { id: string; links: { facilitator: string } };
    const backup = await fetch(`${base}/api/boards/${id}/backup.json`, { headers: { Authorization: `Bearer ${links.facilitator.split('#token=')[1]}` } });
    const restored = await fetch(`${base}/api/boards/restore`, { method: 'POST', body: await backup.text() });
    expect(restored.status).toBe(201);
    expect(existsSync(join(ROOT, 'dist', 'server', 'restoreWorker.mjs'))).toBe(true);
    expect(out).toContain('Olifant is running.');
    // What runs is the server bundle, built by the start script.
    expect(existsSync(join(ROOT, 'dist', 'server', 'index.mjs'))).toBe(true);
  }, 120_000);
});
