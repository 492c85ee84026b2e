/**
 * The printout of a rehearsal: the day's timeline as a table (one row per task), the faults and
 * other events, the oracle's differences, and one verdict line.
 *
 * Why: a host reads this before the event to decide whether their server holds a room of this
 * size; every figure has its unit in the header, and every difference names what it concerns.
 */
import type { RehearsalResults } from './run.ts';

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
  }
  out.push('', r.verdict, '');
  return out.join('\n');
}
