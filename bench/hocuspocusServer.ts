/**
 * The second peer of `npm run bench`: a stock Hocuspocus server (`@hocuspocus/server` 3, the last
 * major that runs on Node 20), in memory with no extensions, as its documentation starts it. Started
 * as its own process by bench/peers.ts on the port given as the first argument; says "listening" once
 * it accepts connections.
 *
 * Why: Hocuspocus is what many teams pick for a Yjs backend; its provider speaks its own framing
 * (every message names its document), so the load process drives it with `@hocuspocus/provider`.
 */
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
process.stdout.write('listening\n');
