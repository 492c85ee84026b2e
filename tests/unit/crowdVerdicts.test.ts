/**
 * The crowd benchmark's verdict rule (bench/probe/scenarios.ts) on made-up figures: a latency goal gets
 * a verdict only when the harness kept up and the echo relay, run with the same probe settings, stayed
 * under half the goal without drops; otherwise it prints "harness-limited".
 *
 * Why: a verdict the load generator cannot vouch for, or one calibrated by a run under other settings,
 * would be mistaken for the server's.
 */
import { expect, it } from 'vitest';
import { CROWD_DEFAULTS, crowdGoals, sideBySide } from '../../bench/probe/scenarios.ts';
import type { CrowdResult } from '../../bench/probe/run.ts';

const o = { ...CROWD_DEFAULTS, people: 30 };
const run = (over: Partial<CrowdResult> = {}): CrowdResult => ({
  people: 30, seconds: 10, cursorHz: 5, workers: 2, moves: 300, expected: 8700, received: 8700, drops: 0,
  p50: 2, p99: 40, max: 60, presenceBytes: 5000, lagP99: 10, harnessCpu: 5, serverCpu: 10, askedAgain: 0, lost: 0, closes: {}, ...over,
});
const latency = (echo: CrowdResult, olifant: CrowdResult) => crowdGoals({ echo, olifant }, o)[0]!.verdict;

it('gives a latency verdict only where the harness and its calibration vouch for it', () => {
  expect(latency(run({ p99: 5 }), run())).toBe('holds');
  expect(latency(run({ p99: 5 }), run({ p99: 200 }))).toBe('does not hold');
  expect(latency(run({ p99: 80 }), run())).toBe('harness-limited'); // echo above half the goal
  expect(latency(run({ p99: 5, drops: 3 }), run())).toBe('harness-limited');
  expect(latency(run({ p99: 5 }), run({ lagP99: 40 }))).toBe('harness-limited'); // probe lag above a quarter of the goal
  expect(latency(run({ p99: 5 }), run({ moves: 250 }))).toBe('harness-limited'); // sent under 95 % of the moves
});

it('calibrates a run only with an echo run of the same probe settings, printed beside it', () => {
  expect(latency(run({ p99: 5, cursorHz: 0 }), run())).toBe('harness-limited');
  expect(latency(run({ p99: 5, workers: 4 }), run())).toBe('harness-limited');
  const rows = sideBySide({ echo: run({ p99: 5 }), olifant: run() });
  expect(rows.map((r) => [r.scenario, r.server, r.settings, r['p99 ms']])).toEqual([
    ['crowd', 'echo relay', '30 people, 10 s, 5 cursors/s, 2 threads', 5],
    ['crowd', 'Olifant', '30 people, 10 s, 5 cursors/s, 2 threads', 40],
  ]);
});
