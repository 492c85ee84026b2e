/**
 * Who this server is among the servers of a cluster: its id (OLIFANT_NODE_ID) and the address the
 * others reach it at (OLIFANT_NODE_URL), checked at start-up.
 *
 * Why: a board is served by one server at a time; the others tunnel its sockets there, so each server
 * announces where it can be reached, under a name that no other server, and no earlier run of this
 * one, ever had. The default id is the host name and the process id (readable in logs: which machine,
 * which process) plus a few random characters: in containers every process is pid 1 on a host name
 * that a restart may keep, and a restarted server that took its dead predecessor's name would look
 * alive in its place, so that server's boards would wait for their leases to run out instead of being
 * taken over at once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** The rule of OLIFANT_NODE_ID, as a bad value's message states it. */
export const NODE_ID_RULE = 'must be 1-100 characters of A-Z a-z 0-9 . _ -';

/** A fresh node id: `<host>-<pid>-<6 hex>`, the host name cut to the id's characters. */
export function defaultNodeId(): string {
  const host = hostname().replace(/[^A-Za-z0-9._-]/g, '').slice(0, 60) || 'olifant';
  return `${host}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * Parses OLIFANT_NODE_URL: `http(s)://host:port` with nothing after it (a trailing `/` is dropped);
 * undefined stays undefined. Throws saying what is wrong: the others open websockets to exactly this.
 */
export function parseNodeUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`"${value}" is not a URL such as http://10.0.0.5:1234`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${value}" must start with http:// or https://`);
  if (url.username || url.password) throw new Error(`"${value}" must not hold a user name or password`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new Error(`"${value}" must be scheme, host and port only, such as http://10.0.0.5:1234`);
  }
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') {
    throw new Error(`"${value}" names every interface; give the address the other servers reach this one at`);
  }
  return url.origin;
}
