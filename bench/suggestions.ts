/**
 * The suggested-clusters benchmark: how close the proposals come to hand-made groupings (ARI and
 * pairwise F1) on the bilingual test sets, for the current method and the earlier words-only
 * one, and how long a board of 500 notes takes.
 *
 * Why: the figures in the docs come from here, so anyone can check them after a change to the
 * concept list, the stemming or the scoring (`npm run bench:suggestions`).
 */
import { performance } from 'node:perf_hooks';
import { suggestClusters } from '../shared/index.ts';
import { campusNotes } from '../tests/fixtures/campusNotes.ts';
import { careNotes } from '../tests/fixtures/careNotes.ts';
import { regionNotes } from '../tests/fixtures/regionNotes.ts';
import { scoreClusters } from '../tests/helpers/clusterScores.ts';
import { suggestByWords } from './suggestions/wordsOnly.ts';

type Note = { id: string; text: string; theme: string };
type Method = (notes: { id: string; text: string }[]) => string[][];

const METHODS: [string, Method][] = [
  ['concepts (current)', (notes) => suggestClusters(notes)],
  ['words only (earlier)', (notes) => suggestByWords(notes)],
];

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

function scoreRow(name: string, set: Note[], method: Method): string {
  const groups = method(set);
  const s = scoreClusters(groups, new Map(set.map((n) => [n.id, n.theme])));
  const grouped = groups.flat().length;
  return `| ${name} | ${s.ari.toFixed(2)} | ${s.f1.toFixed(2)} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${groups.length} | ${pct(grouped / set.length)} |`;
}

/** A board of `n` notes made from both sets, each note with a new id (texts repeat past 366). */
function bigBoard(n: number): { id: string; text: string }[] {
  const texts = [...regionNotes(), ...careNotes()].map((x) => x.text);
  return Array.from({ length: n }, (_, i) => ({ id: `b${String(i).padStart(4, '0')}`, text: `${texts[i % texts.length]!}${i >= texts.length ? ' (2)' : ''}` }));
}

function timeOf(fn: () => unknown, runs = 9): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const sets: [string, Note[]][] = [
  ['region (210 notes, 15 themes)', regionNotes()],
  ['care (156 notes, 12 themes)', careNotes()],
  ['campus, kept aside (80 notes, 8 themes)', campusNotes()],
];
for (const [setName, set] of sets) {
  console.log(`\n${setName}\n`);
  console.log('| method | ARI | pairwise F1 | precision | recall | groups | notes grouped |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, method] of METHODS) console.log(scoreRow(name, set, method));
}

// Learning from the board: four notes of each theme (two from each language) are already a cluster
// people made, without a name; suggestions for the other notes, with and without those clusters.
for (const [setName, set] of sets) {
  const size = new Map<string, number>();
  for (const n of set) size.set(n.theme, (size.get(n.theme) ?? 0) + 1);
  const known = new Map<string, Note[]>();
  const rest: Note[] = [];
  for (const n of set) {
    const i = Number(n.id.slice(-2));
    const half = Math.floor(size.get(n.theme)! / 2);
    if (i < 2 || (i >= half && i < half + 2)) known.set(n.theme, [...(known.get(n.theme) ?? []), n]);
    else rest.push(n);
  }
  const clusters = [...known].map(([theme, made]) => ({ id: theme, label: '', texts: made.map((n) => n.text) }));
  const truth = new Map(rest.map((n) => [n.id, n.theme]));
  const without = scoreClusters(suggestClusters(rest), truth);
  const withKnown = scoreClusters(suggestClusters(rest, { clusters }), truth);
  console.log(`\n${setName}, ${rest.length} notes left after ${set.length - rest.length} were clustered by hand: ` +
    `ARI ${without.ari.toFixed(2)} (F1 ${without.f1.toFixed(2)}) without the board's clusters, ${withKnown.ari.toFixed(2)} (F1 ${withKnown.f1.toFixed(2)}) learning from them`);
}

if (process.env.BENCH_SWEEP) {
  console.log('\nthreshold sweep (ARI region / care)');
  for (const threshold of [0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.24, 0.3]) {
    const row = sets.slice(0, 2).map(([, set]) => scoreClusters(suggestClusters(set, { threshold }), new Map(set.map((n) => [n.id, n.theme]))));
    console.log(threshold, row.map((s) => `${s.ari.toFixed(3)} f1 ${s.f1.toFixed(3)}`).join('  |  '));
  }
}

console.log('\ntime for one suggestion run (median of 9)\n');
for (const n of [100, 250, 500]) {
  const board = bigBoard(n);
  console.log(`${n} notes: concepts ${timeOf(() => suggestClusters(board)).toFixed(0)} ms, words only ${timeOf(() => suggestByWords(board)).toFixed(0)} ms`);
}
