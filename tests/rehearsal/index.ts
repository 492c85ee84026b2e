/**
 * `npm run rehearsal`: plays a time-compressed Future Search day against an Olifant server with
 * simulated participants, browser tablets and faults, prints the day's timeline and a verdict, and
 * exits 0 only when the oracle finds that every output holds what the room made.
 * `runRehearsal` is the same day for a test to call. The printout: the day's timeline as a table
 * (one row per task, units in the header), the faults and moments, the oracle's differences, and
 * one verdict line.
 *
 * Why: a facilitator or host must be able to rehearse the day on their own server before the event
 * and see it hold (docs/rehearsal.md).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dayMinutes, HELP, OptionsError, parseOptions } from './options.ts';
import { runRehearsal, type RehearsalResults } from './run.ts';

export { runRehearsal, type RehearsalResults } from './run.ts';
export { DEFAULT_OPTIONS, type RehearsalOptions } from './options.ts';

const ms = (v: number | null) => (v === null ? '-' : v >= 10_000 ? `${(v / 1000).toFixed(0)} s` : `${v.toFixed(0)}`);

/** The timeline as a Markdown table (it goes into docs/rehearsal.md as it is). */
export function timelineTable(r: RehearsalResults): string {
  const lines = [
    '| phase | s | people connected | edits/s | delay p50 / p99 ms (writes) | offline writes | reconnects (p50 / max ms) | server CPU % | server RSS MiB | notes | board KiB | converged in ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const t of r.timeline) {
    lines.push(
      `| ${t.phase} | ${t.seconds.toFixed(0)} | ${t.peopleConnected}/${t.people} | ${t.editsPerSecond.toFixed(1)} | ${ms(t.delayP50Ms)} / ${ms(t.delayP99Ms)} (${t.measuredWrites}) | ${t.offlineWrites} | ${t.reconnects}${t.reconnects ? ` (${ms(t.reconnectP50Ms)} / ${ms(t.reconnectMaxMs)})` : ''} | ${t.serverCpuPercent === null ? '-' : t.serverCpuPercent.toFixed(0)} | ${t.serverRssMiB === null ? '-' : t.serverRssMiB.toFixed(0)} | ${t.notes} | ${(t.boardBytes / 1024).toFixed(0)} | ${t.convergeMs.toFixed(0)} |`,
    );
  }
  return lines.join('\n');
}

/** Everything a person reads at the end of a run. */
export function printout(r: RehearsalResults): string {
  const out: string[] = [];
  const o = r.options;
  out.push('', `Rehearsal of ${o.people} people and ${o.tablets} tablets, ${o.minutes} min day, seed ${o.seed}, on ${r.server.url}${r.server.owned ? '' : ' (not started by the rehearsal)'}; ran ${r.seconds.toFixed(0)} s`, '');
  out.push(timelineTable(r), '');
  if (!r.server.owned) out.push(`The rehearsal's board stays on your server: ${r.boards.main.links.facilitator}`, '');
  const events = (r.log as { events?: { phase: string; what: string }[] }).events ?? [];
  const faults = events.filter((e) => /killed|restarted|skipped|Wi-Fi|tablet|device|late joiner|projector|imported|snapshot|backup|clustered the same|suggested/.test(e.what));
  if (faults.length) {
    out.push('Faults and moments:');
    for (const e of faults) out.push(`  [${e.phase}] ${e.what}`);
    out.push('');
  }
  for (const p of r.problems) out.push(`PROBLEM: ${p}`);
  if (r.oracle) {
    out.push(`Oracle checked: ${Object.entries(r.oracle.checked).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const d of r.oracle.differences) out.push(`DIFFERENCE: ${d}`);
    if (r.oracleSelfCheck) out.push(`Oracle self-check: with the report's "Elsewhere on the board" section removed, it finds ${r.oracleSelfCheck.differences} difference(s)`);
  }
  out.push('', r.verdict, '');
  return out.join('\n');
}

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
