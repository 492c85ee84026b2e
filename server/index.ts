/**
 * Entry point: read the environment, start the server, print where to find it, stop cleanly.
 *
 * Why: `npm start` on a facilitator's laptop should say which address tablets in the room can use,
 * and Ctrl+C (or a service manager's SIGTERM) must flush every board before the process exits.
 */
import { networkInterfaces } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { readConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startServer } from './server.ts';

function networkUrls(port: number): string[] {
  const urls: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) {
      if (addr.family === 'IPv4' && !addr.internal) urls.push(`http://${addr.address}:${port}/`);
    }
  }
  return urls;
}

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (err) {
    console.error(`olifant: ${(err as Error).message}`);
    process.exit(2);
  }
  // Collect when the old generation reaches (100 + this) % of what was live after the last full
  // collection, not up to about 4x as V8 otherwise may: memory follows the boards held.
  if (config.heapGrowingPercent) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  const wildcard = config.host === '0.0.0.0' || config.host === '::';
  const lines = [
    `Olifant is running.`,
    `  Local:    http://localhost:${server.port}/`,
    ...(wildcard ? networkUrls(server.port).map((u) => `  Network:  ${u}`) : [`  Bound to: ${config.host}`]),
    ...(config.publicUrl ? [`  Links use: ${config.publicUrl}`] : []),
    `  Data:     ${config.dataDir}`,
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, '[server] shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, '[server] shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`olifant: could not start: ${(err as Error).message}`);
  process.exit(1);
});
