/**
 * What the rehearsal's tablets write: short notes in the seat's language, each made unique by who
 * wrote it, in which phase and how many they wrote before, and the seeded choices a tablet makes.
 *
 * Why: the oracle finds a note by its text, so no two notes may share one; and a run must be
 * repeatable from its seed, so every choice a tablet makes comes from one seeded generator.
 */
import type { Lang } from './tabletsPage.ts';

const PHRASES: Record<Lang, readonly string[]> = {
  en: [
    'More trees along the school route',
    'Neighbours help each other with shopping',
    'Young people leave for the city',
    'Care at home instead of in a home',
    'Buses that run in the evening too',
    'A repair café in every district',
    'Less paperwork for volunteers',
    'Shared gardens on empty plots',
  ],
  nl: [
    'Meer bomen langs de schoolroute',
    'Buren doen boodschappen voor elkaar',
    'Jongeren trekken naar de stad',
    'Zorg thuis in plaats van in een tehuis',
    'Bussen die ook ’s avonds rijden',
    'Een repaircafé in elke wijk',
    'Minder papierwerk voor vrijwilligers',
    'Moestuinen op lege kavels',
  ],
};

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same day. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The text of tablet `tablet`'s `n`-th note, written in `phase`: a phrase in the seat's language, then
 * who, when and which (unique across the day, as long as tablets have distinct numbers).
 */
export function noteText(lang: Lang, name: string, tablet: number, phase: string, n: number, random: () => number): string {
  const phrases = PHRASES[lang];
  const phrase = phrases[Math.floor(random() * phrases.length)]!;
  return `${phrase} (${name}, ${phase}, ${tablet + 1}.${n})`;
}
