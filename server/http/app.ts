/**
 * The HTTP request router: health, metrics, the JSON API and the client.
 *
 * Why: one small function decides where a request goes and turns every failure into a status and a
 * message, so no request can crash the process or hang without an answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import { redactUrl } from '../log.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ApiErrorBody } from '../../shared/index.ts';
import { handleApi, type ApiDeps } from './api.ts';
import { handleJoin } from './linksApi.ts';
import { baseUrl, HttpError, requestUrl, sendJson } from './respond.ts';
import { createStaticHandler } from './static.ts';

/** What the request handler needs from the server. */
export interface AppDeps extends ApiDeps {
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly clientDir: string;
  /** What `/healthz` answers: which engines this process reaches (default: always in service). */
  readonly health?: () => Promise<{ readonly httpStatus: number; readonly body: object }>;
}

/**
 * The app's pages may run only the app's own scripts, talk only to this server, and not be framed:
 * a note that somehow became markup still could not run or send anything anywhere.
 */
export function appCsp(host: string | undefined): string {
  const ws = host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${ws}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function setPageSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', appCsp(req.headers.host));
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/** Returns the `request` listener for the HTTP server. */
export function createRequestHandler(deps: AppDeps) {
  const serveStatic = createStaticHandler(deps.clientDir);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const path = requestUrl(req).pathname;
    if (path === '/healthz') {
      if (!deps.health) return sendJson(res, 200, { status: 'ok' });
      const answer = await deps.health();
      return sendJson(res, answer.httpStatus, answer.body);
    }
    if (path === '/metrics') {
      const text = await deps.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
      return;
    }
    if (path.startsWith('/api/')) {
      if (await handleApi(deps, req, res, path)) return;
      throw new HttpError(404, `no API route ${path}`);
    }
    setPageSecurityHeaders(req, res);
    const join = /^\/j\/([^/]+)$/.exec(path);
    if (join && req.method === 'GET') return handleJoin(deps, res, join[1]!, baseUrl(deps, req));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new HttpError(405, 'method not allowed');
    }
    serveStatic(req, res);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) {
        deps.metrics.errors.inc({ kind: 'http' });
        deps.log.error({ err, path: redactUrl(req.url) }, '[http] request failed');
      }
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, { error: status === 500 ? 'internal error; see the server log' : (err as Error).message } satisfies ApiErrorBody);
    });
  };
}
