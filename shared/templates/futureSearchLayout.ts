/**
 * The Future Search board layout: the areas for each task of the day, as plain rectangles.
 *
 * Why: a facilitator should not spend the morning drawing 30 areas. The layout follows the agenda
 * (three timeline lanes by era; the trends mind map; prouds and sorries per stakeholder group; one
 * area per mixed table; the three common-ground lists; action planning), placed in rows from a
 * starting corner, so applying it next to existing content covers nothing.
 */
import type { Localized } from './agenda.ts';

export interface PlannedArea {
  /** The agenda step the area belongs to. */
  readonly step: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly color: string;
  readonly table?: 'stakeholder' | 'mixed';
  readonly tableGroup?: string;
  /** The name in each UI language, so every viewer reads the area in theirs until it is renamed. */
  readonly names?: { readonly en: string; readonly nl: string };
}

export interface LayoutInput {
  readonly lang: 'en' | 'nl';
  /** The board's stakeholder groups (prouds and sorries columns and stakeholder tables per group). */
  readonly groups: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** How many mixed tables (for the ideal future). */
  readonly mixedTables: number;
  /** This year (the timeline eras count back from it). */
  readonly year: number;
  /** Top-left corner of the layout. */
  readonly origin: { readonly x: number; readonly y: number };
}

const GAP = 120;
const ROW_GAP = 360;

const W: Record<string, Localized> = {
  world: { en: 'World', nl: 'Wereld' },
  personal: { en: 'Personal', nl: 'Persoonlijk' },
  topic: { en: 'Our topic', nl: 'Ons thema' },
  mindMap: { en: 'Trends mind map', nl: 'Mindmap van trends' },
  prouds: { en: 'prouds', nl: 'trots' },
  sorries: { en: 'sorries', nl: 'spijt' },
  mixed: { en: 'Mixed table', nl: 'Gemengde tafel' },
  commonGround: { en: 'Common ground', nl: 'Gemeenschappelijke basis' },
  potentialProject: { en: 'Potential projects', nl: 'Mogelijke projecten' },
  notAgreed: { en: 'Not agreed', nl: 'Geen overeenstemming' },
  action: { en: 'Action planning', nl: 'Actieplanning' },
  allGroups: { en: 'All', nl: 'Allen' },
};

/** The areas of a Future Search board, row by row from `origin`, named in `input.lang` and with their
 * names in both languages. */
export function futureSearchAreas(input: LayoutInput): PlannedArea[] {
  const [en, nl] = [layOut({ ...input, lang: 'en' }), layOut({ ...input, lang: 'nl' })];
  return layOut(input).map((a, i) => ({ ...a, names: { en: en[i]!.name, nl: nl[i]!.name } }));
}

function layOut(input: LayoutInput): PlannedArea[] {
  const t = (k: keyof typeof W) => W[k]![input.lang];
  const out: PlannedArea[] = [];
  let y = input.origin.y;
  const x0 = input.origin.x;

  // Past: three lanes, three eras of ten years each, oldest on the left.
  const eras = [30, 20, 10].map((back) => `${input.year - back + 1}–${back === 10 ? input.year : input.year - back + 10}`);
  const lanes = [t('world'), t('personal'), t('topic')];
  const laneColors = ['#cfe3f7', '#f7e3cf', '#dcefd4'];
  lanes.forEach((lane, i) => {
    eras.forEach((era, j) => {
      out.push({ step: 'past', name: `${lane} · ${era}`, x: x0 + j * (1000 + GAP), y: y + i * (560 + GAP), w: 1000, h: 560, color: laneColors[i]! });
    });
  });
  y += 3 * (560 + GAP) + ROW_GAP;

  // Present: one large area for the whole-room mind map.
  out.push({ step: 'present', name: t('mindMap'), x: x0, y, w: 3 * 1000 + 2 * GAP, h: 1800, color: '#efe6f7' });
  y += 1800 + ROW_GAP;

  // Prouds and sorries: two columns per stakeholder group; the prouds column is the group's table.
  const groups = input.groups.length ? input.groups : [{ id: '', name: t('allGroups') }];
  groups.forEach((g, i) => {
    const gx = x0 + i * (2 * 700 + GAP + 2 * GAP);
    const table = g.id ? { table: 'stakeholder' as const, tableGroup: g.id } : {};
    out.push({ step: 'prouds', name: `${g.name}: ${t('prouds')}`, x: gx, y, w: 700, h: 900, color: '#dcefd4', ...table });
    out.push({ step: 'prouds', name: `${g.name}: ${t('sorries')}`, x: gx + 700 + GAP, y, w: 700, h: 900, color: '#f7d9d4' });
  });
  y += 900 + ROW_GAP;

  // Ideal future: one area per mixed table, four to a row.
  for (let i = 0; i < input.mixedTables; i++) {
    out.push({
      step: 'future',
      name: `${t('mixed')} ${i + 1}`,
      x: x0 + (i % 4) * (900 + GAP),
      y: y + Math.floor(i / 4) * (700 + GAP),
      w: 900,
      h: 700,
      color: '#fdf0c4',
      table: 'mixed',
    });
  }
  y += Math.ceil(input.mixedTables / 4) * (700 + GAP) - GAP + ROW_GAP;

  // Common ground: the three lists.
  const lists: [keyof typeof W, string][] = [['commonGround', '#cfeccf'], ['potentialProject', '#cfe3f7'], ['notAgreed', '#f7d4d4']];
  lists.forEach(([k, color], i) => out.push({ step: 'commonGround', name: t(k), x: x0 + i * (1000 + GAP), y, w: 1000, h: 1200, color }));
  y += 1200 + ROW_GAP;

  // Action planning.
  out.push({ step: 'action', name: t('action'), x: x0, y, w: 3 * 1000 + 2 * GAP, h: 1200, color: '#e6e6e6' });
  return out;
}
