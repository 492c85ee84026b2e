/**
 * Prometheus metrics for one server instance (prom-client, its own registry).
 *
 * Why: a facilitator's laptop or a venue server is watched by whoever runs it; connections, loaded
 * boards, traffic, storage latency and errors by kind are what tell a healthy day from a bad one.
 * A registry per instance keeps several servers in one test process apart.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The metric set of one server instance. */
export type Metrics = ReturnType<typeof createMetrics>;

/** Creates the metric set on a fresh registry. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'olifant_process_' });
  // Every message in and out is counted: plain numbers on that hot path (a labelled inc() builds a
  // key string each time), handed to prom-client when /metrics is read.
  const traffic = { in: { messages: 0, bytes: 0 }, out: { messages: 0, bytes: 0 } };
  const publish = (counter: Counter<'direction'>, field: 'messages' | 'bytes') => {
    counter.reset();
    for (const direction of ['in', 'out'] as const) counter.inc({ direction }, traffic[direction][field]);
  };
  return {
    registry,
    /** Websocket traffic so far, by direction (counted here, published as the two counters below). */
    traffic,
    connections: new Gauge({
      name: 'olifant_connections',
      help: 'Open board websocket connections, by role',
      labelNames: ['role'] as const,
      registers: [registry],
    }),
    boardsLoaded: new Gauge({ name: 'olifant_boards_loaded', help: 'Boards held in memory', registers: [registry] }),
    messages: new Counter({
      name: 'olifant_messages_total',
      help: 'Websocket messages, by direction (in, out)',
      labelNames: ['direction'] as const,
      registers: [registry],
      collect() {
        publish(this, 'messages');
      },
    }),
    bytes: new Counter({
      name: 'olifant_bytes_total',
      help: 'Websocket payload bytes, by direction (in, out)',
      labelNames: ['direction'] as const,
      registers: [registry],
      collect() {
        publish(this, 'bytes');
      },
    }),
    persistWrite: new Histogram({
      name: 'olifant_persistence_write_seconds',
      help: 'Time to append one update to the board log, or to compact a board',
      labelNames: ['op'] as const,
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'olifant_errors_total',
      help: 'Errors, by kind (malformed_message, text_frame, invalid_update, refused_upgrade, storage, ...)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    throttled: new Counter({
      name: 'olifant_throttled_total',
      help: 'Times a connection sent faster than OLIFANT_MAX_MESSAGES_PER_SECOND and the server paused reading from it',
      registers: [registry],
    }),
    ignoredWrites: new Counter({
      name: 'olifant_ignored_writes_total',
      help: "Document updates and awareness entries dropped: from a read-only connection, during a board lock, or for another connection's client ID",
      registers: [registry],
    }),
    // With several processes (see server/cluster/).
    boardsOwned: new Gauge({ name: 'olifant_boards_owned', help: 'Boards whose lease this process holds (several processes only)', registers: [registry] }),
    tunnels: new Gauge({ name: 'olifant_tunnels', help: "Open websocket tunnels from this process to a board's owner", registers: [registry] }),
    leaseRenewals: new Counter({
      name: 'olifant_lease_renewals_total',
      help: 'Rounds of lease renewal, by result (ok, failed: the database did not answer)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    leasesLost: new Counter({ name: 'olifant_leases_lost_total', help: 'Boards this process stopped serving because it lost or could not renew the lease', registers: [registry] }),
  };
}
