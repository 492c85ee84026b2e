/**
 * Test helper: an HTTP request written by hand on a plain TCP socket, and the raw answer.
 *
 * Why: `fetch` and `http.request` normalise or refuse the request targets and headers a hostile
 * client can send (`//%`, a 20 KB header); the server must answer those too.
 */
import net from 'node:net';

/** Sends `head` (request line and headers, without the blank line) and resolves with the whole answer. */
export function rawHttp(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(`${head}\r\nConnection: close\r\n\r\n`);
  });
}
