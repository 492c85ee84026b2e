/**
 * The JSON API's router: hands `/api/...` to the module that owns the route.
 *
 * Why: each group of routes (the board, its links, its report, backup and restore, its history)
 * lives in its own module with its own dependencies; this list is the one place that says which
 * come first. `/api/boards/<id>` matches last: `/api/boards/restore` is a route of its own.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBackupApi, type BackupDeps } from './backupApi.ts';
import { handleBoardsApi, type BoardsDeps } from './boardsApi.ts';
import { handleHistoryApi, type HistoryDeps } from './historyApi.ts';
import { handleLinksApi, type LinksDeps } from './linksApi.ts';
import { handleReportApi, type ReportDeps } from './reportApi.ts';

/** What every API route together needs from the server. */
export interface ApiDeps extends LinksDeps, ReportDeps, BackupDeps, HistoryDeps, BoardsDeps {}

type Route = (deps: ApiDeps, req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;

/** The route handlers in the order they are tried. */
const ROUTES: readonly Route[] = [handleLinksApi, handleReportApi, handleBackupApi, handleHistoryApi, handleBoardsApi];

/** Handles `/api/...`; returns false when no API route matches. */
export async function handleApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
  for (const route of ROUTES) if (await route(deps, req, res, path)) return true;
  return false;
}
