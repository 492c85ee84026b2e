/**
 * The wire fuzzer, short: 10,000 frames read by a real server (random bytes, mutated real updates
 * and awareness, every message type, text, oversized and broken websocket frames) while two healthy
 * clients edit. `npm run stress` runs it at 1,000,000 frames and prints the figures.
 *
 * Why: no frame may end the process or hurt anyone but its sender, and what was stored must load.
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../stress/fuzz.ts';

describe('the wire fuzzer', () => {
  it('10,000 fuzzed frames: no crash, no internal error, every kind sent, the healthy clients converge and the board reloads', async () => {
    const seed = Number(process.env.OLIFANT_FUZZ_SEED ?? Date.now() % 100_000);
    const figures = await runFuzz({ frames: 10_000, seed });
    const context = `seed ${seed} (replay with OLIFANT_FUZZ_SEED=${seed}): ${JSON.stringify(figures)}`;
    expect(figures.crashes, context).toBe(0);
    expect(figures.internalErrors, context).toBe(0);
    expect(figures.framesRead, context).toBeGreaterThanOrEqual(10_000);
    for (const kind of ['valid', 'mutated', 'truncated', 'random', 'messageType', 'text', 'raw'] as const) {
      expect(figures.load.sent[kind], `${kind} frames; ${context}`).toBeGreaterThan(0);
    }
    expect(figures.errorsByKind.bad_frame, context).toBeGreaterThan(0);
    expect(figures.healthy.edits, context).toBeGreaterThan(0);
    expect(figures.converged, context).toBe(true);
    expect(figures.reloaded, context).toBe(true);
  }, 120_000);
});
