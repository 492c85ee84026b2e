/**
 * What the crowd benchmark's main thread tells its probe worker threads, and the shapes they share.
 *
 * Why: a file of its own, so that the main thread can read these without running the worker's code.
 */
import type { StructId } from './wire.ts';

export interface ProbeSpec {
  /** Index in the room (0..people-1); its document client ID is `baseClient + index`. */
  index: number;
  /** The note's current `x` and `y` entries (the first move replaces them) and where it stands. */
  prevX: StructId;
  prevY: StructId;
  at: { x: number; y: number };
  place: string | null;
}

export interface WorkerConfig {
  mode: 'crowd' | 'join';
  url: string;
  probes: ProbeSpec[];
  people: number;
  baseClient: number;
  /** Float64Array(people * RING) of send times, shared by every thread. */
  sendTimes: SharedArrayBuffer;
  /** Int32Array(people), FIRST_UNSET at first: each probe's first move after the warm-up. */
  firstMeasured: SharedArrayBuffer;
  /** Whether the server answers the handshake (an echo relay does not). */
  expectSync: boolean;
  seconds: number;
  cursorHz: number;
}

export const RING = 64;
/** Probes move and send cursors this long before anything is measured (connections and code warm up). */
export const WARMUP_MS = 2000;
/** What `firstMeasured` holds for a probe that has not sent a measured move yet. */
export const FIRST_UNSET = 0x7fffffff;
/** Latency histogram: 0.1 ms buckets up to 10 s (the last bucket holds everything longer). */
export const BUCKET_MS = 0.1;
export const BUCKETS = 100_000;
