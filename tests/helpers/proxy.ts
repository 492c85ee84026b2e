/**
 * Test helper: a TCP forwarder on a fixed port of its own, in front of a server that restarts.
 *
 * Why: a test that restarts the server on the same port must free that port for a moment, and another
 * test running in parallel can take it (then clients reach the wrong server). The forwarder keeps the
 * port for the whole test; a restart only changes where it forwards, and cuts the open connections,
 * as a real restart does. The balancer does the same for several servers at once, as the load
 * balancer in front of a multi-server deployment would.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface Forwarder {
  readonly port: number;
  readonly url: string;
  /** Forwards new connections to `port` from now on and cuts the open ones. */
  retarget(port: number): void;
  close(): Promise<void>;
}

/** Starts a forwarder to `targetPort` on an ephemeral port of 127.0.0.1. */
export async function startForwarder(targetPort: number): Promise<Forwarder> {
  let target = targetPort;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    open.add(client).add(upstream);
    const done = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    retarget(next) {
      target = next;
      for (const s of open) s.destroy();
      open.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A round-robin load balancer in front of several servers (as any TCP balancer would be). */
export interface Balancer {
  readonly port: number;
  readonly url: string;
  /** Connections sent to each target so far, by port. */
  readonly sent: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Starts a TCP balancer that sends each new connection to the next of `targets` in turn, with no
 * stickiness; a target that refuses the connection is skipped for the next one (as nginx's
 * `proxy_next_upstream` does), so a killed server costs a client one reconnect, not a dead end. Like
 * any production balancer it checks `/healthz` of each target every `healthEveryMs`, and sends no new
 * connection to one that did not answer in time (a frozen process accepts TCP connections in the
 * kernel but never answers).
 */
export async function startBalancer(targets: readonly number[], healthEveryMs = 250): Promise<Balancer> {
  let next = 0;
  const open = new Set<Socket>();
  const sent = new Map<number, number>();
  const down = new Set<number>();
  const check = async (port: number) => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(healthEveryMs * 2) });
      if (res.ok) down.delete(port);
      else down.add(port);
    } catch {
      down.add(port);
    }
  };
  const checks = setInterval(() => targets.forEach((port) => void check(port)), healthEveryMs);
  checks.unref();
  /** The next target in turn that passed its last health check (any, if none did). */
  const pick = () => {
    for (let i = 0; i < targets.length; i++) {
      const port = targets[next++ % targets.length]!;
      if (!down.has(port)) return port;
    }
    return targets[next++ % targets.length]!;
  };
  const server = createServer((client) => {
    client.pause();
    open.add(client);
    const tryTarget = (left: number) => {
      const port = pick();
      const upstream = connect(port, '127.0.0.1');
      upstream.once('error', () => {
        upstream.destroy();
        if (left > 1 && !client.destroyed) tryTarget(left - 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        sent.set(port, (sent.get(port) ?? 0) + 1);
        open.add(upstream);
        const done = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        upstream.removeAllListeners('error');
        client.on('error', done).on('close', done);
        upstream.on('error', done).on('close', done);
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    client.on('error', () => client.destroy());
    tryTarget(targets.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(checks);
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
