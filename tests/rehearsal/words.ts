/**
 * The room's words: a seeded random source, people's names, the stakeholder groups, and note texts in
 * Dutch and English made from small word lists, each text unique on the board.
 *
 * Why: the oracle finds a note in the Markdown report by its text, so no two notes may read alike;
 * and texts that share theme words give the cluster suggestions something real to find.
 */

/** A small seeded random source (mulberry32), so a seed replays the same day. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** The stakeholder groups of the day (a Future Search seats eight). */
export const GROUPS: readonly { name: string; color: string }[] = [
  { name: 'Zorgverleners', color: '#e4572e' },
  { name: 'Patients', color: '#29335c' },
  { name: 'Gemeente', color: '#f3a712' },
  { name: 'Business', color: '#669bbc' },
  { name: 'Onderwijs', color: '#a8c686' },
  { name: 'Youth', color: '#8e44ad' },
  { name: 'Financiers', color: '#16a085' },
  { name: 'Residents', color: '#c0392b' },
];

const FIRST = ['Anouk', 'Bram', 'Chloé', 'Daan', 'Eva', 'Finn', 'Greet', 'Hamza', 'Ilse', 'Joris', 'Kim', 'Lars', 'Mila', 'Noah', 'Olga', 'Pieter', 'Quinty', 'Ruben', 'Sanne', 'Tim', 'Usha', 'Vera', 'Wouter', 'Xander', 'Yara', 'Zeynep', 'Alex', 'Sam', 'Robin', 'Jamie'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'Dekker', 'Brouwer', 'Willems', 'Kaya', 'Yilmaz', 'Okafor', 'Nguyen'];

/** The `i`-th person's name: unique for the first 600, then with a number. */
export function personName(i: number): string {
  // (31q + r) mod 20 differs for every q < 20 at a given r: the first 600 names are all different.
  const q = Math.floor(i / FIRST.length);
  const base = `${FIRST[i % FIRST.length]} ${LAST[(i + q) % LAST.length]}`;
  return i < FIRST.length * LAST.length ? base : `${base} ${Math.floor(i / (FIRST.length * LAST.length)) + 1}`;
}

/** Themes in both languages: a note about one carries its words, so suggestions can group them. */
const THEMES = {
  en: ['waiting lists', 'care at home', 'green neighbourhoods', 'public transport', 'affordable housing', 'loneliness of elders', 'digital health records', 'youth unemployment', 'clean energy', 'local food'],
  nl: ['wachtlijsten', 'zorg thuis', 'groene wijken', 'openbaar vervoer', 'betaalbare woningen', 'eenzaamheid van ouderen', 'digitale dossiers', 'jeugdwerkloosheid', 'schone energie', 'lokaal voedsel'],
};
const FRAMES = {
  en: ['More {t} for everyone', 'Less talk about {t}, more doing', 'We are proud of {t}', 'Sorry we neglected {t}', 'By 2040 {t} is normal', 'Trend: {t} keeps growing', 'Nobody owns {t} yet', 'Start small with {t}'],
  nl: ['Meer {t} voor iedereen', 'Minder praten over {t}, meer doen', 'Trots op {t}', 'Spijt dat we {t} lieten liggen', 'In 2040 is {t} gewoon', 'Trend: {t} groeit door', 'Niemand is eigenaar van {t}', 'Klein beginnen met {t}'],
};
const PLACES = ['Zwolle', 'Deventer', 'Kampen', 'Almelo', 'Enschede', 'Hengelo', 'Oldenzaal', 'Raalte', 'Ommen', 'Hardenberg'];

/** Makes note texts that never repeat within one rehearsal. */
export class TextMaker {
  private n = 0;
  constructor(private readonly random: Random) {}

  /** A new note text in `lang`, about `theme` (an index) or a random theme. */
  note(lang: 'en' | 'nl', theme?: number): string {
    const t = THEMES[lang][theme ?? this.random.int(THEMES[lang].length)]!;
    const frame = this.random.pick(FRAMES[lang]);
    this.n += 1;
    return `${frame.replace('{t}', t)} (${this.random.pick(PLACES)} ${this.n})`;
  }

  /** A short label (cluster, vote) in `lang`. */
  label(lang: 'en' | 'nl', theme: number): string {
    this.n += 1;
    return `${THEMES[lang][theme % THEMES[lang].length]} ${this.n}`;
  }

  /** How many themes there are. */
  get themes(): number {
    return THEMES.en.length;
  }
}

/** The survey answers the facilitator imports before the day, as a CSV with text and group columns;
 * about three themes, so the cluster suggestions find them. */
export function surveyCsv(texts: TextMaker, rows: number, groupNames: readonly string[], random: Random): string {
  const lines = ['text,group'];
  for (let i = 0; i < rows; i++) {
    const text = texts.note(i % 2 ? 'nl' : 'en', i % 3).replace(/"/g, '""');
    // Every fourth answer names no group, as a survey left open would.
    lines.push(`"Survey: ${text}",${i % 4 === 3 ? '' : random.pick(groupNames)}`);
  }
  return `${lines.join('\n')}\n`;
}
