/**
 * `npm run bench:crowd`: the crowd scenarios alone (bench/probe/scenarios.ts), printed as a table of
 * goals with the harness's ceiling beside each, and written to bench/results/crowd.json.
 *
 * Options: --people N (the crowd room, 300; given alone, runs only that room: the echo relay, Olifant and
 * the reference), --large N (600), --small N (30), --seconds S (10 per room), --workers W (probe
 * threads, 2), --only crowd,large,presence,joins,tablet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CROWD_DEFAULTS, crowdGoals, runCrowdScenarios, sideBySide, type CrowdOptions } from './probe/scenarios.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    large: { type: 'string' },
    small: { type: 'string' },
    seconds: { type: 'string' },
    workers: { type: 'string' },
    only: { type: 'string' },
  },
});
const num = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const options: CrowdOptions = {
  ...CROWD_DEFAULTS,
  people: num(values.people, CROWD_DEFAULTS.people),
  large: num(values.large, CROWD_DEFAULTS.large),
  small: num(values.small, CROWD_DEFAULTS.small),
  seconds: num(values.seconds, CROWD_DEFAULTS.seconds),
  workers: num(values.workers, CROWD_DEFAULTS.workers),
  only: values.only?.split(',') ?? (values.people && !values.large && !values.small ? ['crowd'] : undefined),
};
process.setMaxListeners(0);
console.log(`Crowd scenarios, ${options.seconds} s per room, ${options.workers} probe threads, ${new Date().toISOString()}, Node ${process.version}`);
const started = performance.now();
const figures = await runCrowdScenarios(options);
const goals = crowdGoals(figures, options);
console.log('\nEach echo run beside the runs it calibrates (same probe settings)');
console.table(sideBySide(figures));
console.log('\nCrowd goals');
console.table(goals);
console.log(`took ${Math.round((performance.now() - started) / 1000)} s`);
const out = resolve(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'crowd.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, options, figures, goals }, null, 2));
console.log(`written to ${join(out, 'crowd.json')}`);
process.exit(0);
