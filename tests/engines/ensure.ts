/**
 * Finds the engines' programs, installing Debian's packages first when they are missing.
 *
 * Why: the multi-server tests run against real PostgreSQL and Redis, started by the tests on free
 * ports. A clean CI machine has neither; as root the tests install them through `install.sh` (once per
 * run, whichever test file asks first). A machine that cannot install them fails the test with what to
 * run, rather than skipping it: a multi-server promise that was not tested is not kept.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const INSTALL = join(import.meta.dirname, 'install.sh');

/** Where the installed programs are. */
export interface EnginePrograms {
  /** PostgreSQL's bin folder (initdb, pg_ctl, postgres). */
  readonly pgBin: string;
  readonly redisServer: string;
}

function pgBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : undefined;
}

function redisServerPath(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

let programs: EnginePrograms | undefined;

/** The engines' programs; installs the packages if one is missing (as root), or throws saying how. */
export function enginePrograms(): EnginePrograms {
  if (programs) return programs;
  let pgBin = pgBinDir();
  let redisServer = redisServerPath();
  if (!pgBin || !redisServer) {
    try {
      execFileSync('bash', [INSTALL], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    } catch (err) {
      const e = err as { stderr?: Buffer; message: string };
      throw new Error(`PostgreSQL and Redis are needed for these tests and could not be installed: ${e.stderr?.toString().trim() || e.message}`);
    }
    pgBin = pgBinDir();
    redisServer = redisServerPath();
  }
  if (!pgBin || !redisServer) throw new Error('PostgreSQL and Redis are needed for these tests: run `bash tests/engines/install.sh` as root');
  programs = { pgBin, redisServer };
  return programs;
}
