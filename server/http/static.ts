/**
 * Serves the built client (sirv) with caching that suits a conference day, and the SPA routes.
 *
 * Why: tablets on venue Wi-Fi should fetch hashed assets once (`immutable`, one year) but always
 * revalidate `index.html` (`no-cache`), so a redeploy reaches everyone at the next load. `/` and
 * `/b/<id>` are the app's pages; everything else is a file or a 404.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { isId } from '../../shared/index.ts';
import { requestUrl } from './respond.ts';

/** Paths the single-page app answers with index.html. */
export function isAppRoute(path: string): boolean {
  if (path === '/' || path === '/index.html') return true;
  const m = /^\/b\/([^/]+)\/?$/.exec(path);
  return m !== null && isId(m[1]!);
}

/** Returns a handler for GET/HEAD of client files, or one that explains the client is not built. */
export function createStaticHandler(clientDir: string) {
  if (!existsSync(join(clientDir, 'index.html'))) {
    return (_req: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`The Olifant client is not built (no ${clientDir}/index.html). Run "npm run build" or "npm start".\n`);
    };
  }
  const serve = sirv(clientDir, {
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = requestUrl(req).pathname;
    if (isAppRoute(path)) req.url = '/index.html';
    serve(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Not found\n');
    });
  };
}
