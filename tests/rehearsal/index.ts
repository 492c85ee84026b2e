/**
 * `npm run rehearsal`: plays a time-compressed Future Search day against an Olifant server with
 * simulated participants, browser tablets and faults, prints the day's timeline and a verdict, and
 * exits 0 only when the oracle finds that every output holds what the room made.
 * `runRehearsal` is the same day for a test to call.
 *
 * Why: a facilitator or host must be able to rehearse the day on their own server before the event
 * and see it hold (docs/rehearsal.md).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dayMinutes, HELP, OptionsError, parseOptions } from './options.ts';
import { printout } from './printout.ts';
import { runRehearsal } from './run.ts';

export { runRehearsal, type RehearsalResults } from './run.ts';
export { DEFAULT_OPTIONS, type RehearsalOptions } from './options.ts';

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (err) {
    if (!(err instanceof OptionsError)) throw err;
    console.error(`rehearsal: ${err.message}`);
    return 2;
  }
  if (parsed === null) {
    console.log(HELP);
    return 0;
  }
  console.log(`Rehearsing a Future Search day: ${parsed.people} people, ${parsed.tablets} tablets, ${dayMinutes(parsed)} min, seed ${parsed.seed}`);
  const started = performance.now();
  const results = await runRehearsal({ ...parsed, progress: (line) => console.log(`  ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`) });
  console.log(printout(results));
  if (parsed.json) {
    writeFileSync(parsed.json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`results and log: ${parsed.json}`);
  }
  return results.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(await main(process.argv.slice(2)));
}
