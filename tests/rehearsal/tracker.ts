/**
 * The day's measurements: how long a write takes to reach every device (the writer stamps it with
 * `performance.now()`, every device's observer notes when it arrives, all in this one process),
 * how many edits each phase made, and every dropped connection with how long it stayed down.
 *
 * Why: "it converged in the end" is not enough for a room of 300; the timeline shows when the room
 * waited, on what, and for how long, phase by phase.
 */

interface Stamp {
  readonly t0: number;
  readonly phase: string;
  /** Devices that should see it (online when it was written). */
  readonly expected: number;
  /** Written by a device that was offline: its delay is the outage, not the room's. */
  readonly offline: boolean;
  seen: number;
}

/** One phase's figures, as measured. */
export interface PhaseFigures {
  writes: number;
  delays: number[];
  offlineWrites: number;
  reconnects: number[];
}

export class Tracker {
  private readonly pending = new Map<string, Stamp>();
  private readonly phases = new Map<string, PhaseFigures>();
  private phase = 'setup';
  /** Devices meant to be listening now (the table whose Wi-Fi is down is not). */
  listening = 0;

  figures(phase: string): PhaseFigures {
    let f = this.phases.get(phase);
    if (!f) this.phases.set(phase, (f = { writes: 0, delays: [], offlineWrites: 0, reconnects: [] }));
    return f;
  }

  setPhase(phase: string): void {
    this.phase = phase;
    this.figures(phase);
  }

  /** Counts one edit (any write a device makes). */
  edit(): void {
    this.figures(this.phase).writes += 1;
  }

  /** A write of record `key` (e.g. `note:<id>`) that every listening device should see. */
  stamp(key: string, offline: boolean): void {
    this.edit();
    if (offline) this.figures(this.phase).offlineWrites += 1;
    // The writer's own observer already fired inside the write: it counts as one of the expected.
    const early = this.pending.get(key);
    this.pending.set(key, { t0: performance.now(), phase: this.phase, expected: this.listening, offline, seen: early?.seen ?? 0 });
  }

  /** A device saw record `key` arrive (called from every device's observer). */
  saw(key: string): void {
    const s = this.pending.get(key);
    if (!s) {
      // The writer's observer fires before `stamp` runs: keep the count until the stamp comes.
      this.pending.set(key, { t0: Number.NaN, phase: this.phase, expected: Number.POSITIVE_INFINITY, offline: false, seen: 1 });
      return;
    }
    s.seen += 1;
    if (s.seen >= s.expected && Number.isFinite(s.t0)) {
      this.pending.delete(key);
      if (!s.offline) this.figures(s.phase).delays.push(performance.now() - s.t0);
    }
  }

  /** A device was reconnected after `ms` without its server. */
  reconnected(ms: number): void {
    this.figures(this.phase).reconnects.push(ms);
  }

  /** Forgets the records nobody will see any more (e.g. from a device closed on purpose). */
  dropPending(): number {
    const n = [...this.pending.values()].filter((s) => Number.isFinite(s.t0)).length;
    this.pending.clear();
    return n;
  }

  phaseNames(): string[] {
    return [...this.phases.keys()];
  }
}

/** The `p`-th percentile (0-100) of `values`, or null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
