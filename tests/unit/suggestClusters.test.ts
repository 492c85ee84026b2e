import { describe, expect, it } from 'vitest';
import { suggestClusters } from '../../shared/index.ts';
import { stem, tokenize } from '../../shared/analysis/text.ts';

/** A small hand-grouped bilingual set: four themes of a care Future Search, and two loners. */
const THEMES: Record<string, string[]> = {
  waiting: [
    'Waiting lists for youth care are far too long',
    'Long waiting lists in mental health care',
    'Wachtlijsten in de jeugdzorg zijn te lang',
    'De wachtlijsten voor thuiszorg worden langer',
    'Shorter waiting lists for home care',
  ],
  paperwork: [
    'Too much paperwork for nurses',
    'Less paperwork, more time for patients',
    'Administratieve last voor verpleegkundigen verminderen',
    'Minder administratieve last, meer tijd voor zorg',
    'Nurses drown in paperwork and forms',
  ],
  loneliness: [
    'Loneliness among older people',
    'Eenzaamheid bij ouderen aanpakken',
    'Older people feel lonely at home',
    'Eenzaamheid onder ouderen neemt toe',
  ],
  volunteers: [
    'Volunteers need support and training',
    'Vrijwilligers verdienen meer steun',
    'Training for volunteers in the neighbourhood',
    'Steun voor vrijwilligers in de buurt',
  ],
};
const LONERS = ['Bicycle parking at the station', 'Het weer was mooi vandaag'];

function dataset() {
  const notes: { id: string; text: string }[] = [];
  const themeOf = new Map<string, string>();
  let i = 0;
  for (const [theme, texts] of Object.entries(THEMES)) {
    for (const text of texts) {
      const id = `n${String(i++).padStart(3, '0')}`;
      notes.push({ id, text });
      themeOf.set(id, theme);
    }
  }
  for (const text of LONERS) notes.push({ id: `n${String(i++).padStart(3, '0')}`, text });
  return { notes, themeOf };
}

describe('text normalisation', () => {
  it('drops stop words of both languages, accents and short words, and stems plurals', () => {
    expect(tokenize('De wachtlijsten voor de thuiszorg')).toEqual(['wachtlijst', 'thuiszorg']);
    expect(tokenize('The waiting lists are LONG')).toEqual(['wait', 'list', 'long']);
    expect(tokenize('Café ééN')).toEqual(['cafe']);
    expect(stem('teams')).toBe('team');
    expect(stem('vrijwilligers')).toBe(stem('vrijwilliger'));
  });
});

describe('suggestClusters', () => {
  it('groups notes of one theme together and never mixes themes', () => {
    const { notes, themeOf } = dataset();
    const groups = suggestClusters(notes);
    expect(groups.length).toBeGreaterThanOrEqual(4);
    for (const g of groups) {
      const themes = new Set(g.map((id) => themeOf.get(id) ?? 'loner'));
      expect(themes.size, JSON.stringify(g.map((id) => notes.find((n) => n.id === id)!.text))).toBe(1);
    }
    // Every theme is proposed at least once, and the loners are left out.
    const covered = new Set(groups.flat().map((id) => themeOf.get(id)));
    expect([...covered].sort()).toEqual(Object.keys(THEMES).sort());
    expect(groups.flat().filter((id) => !themeOf.has(id))).toEqual([]);
  });

  it('is deterministic: the same grouping whatever the input order', () => {
    const { notes } = dataset();
    const reversed = suggestClusters([...notes].reverse());
    expect(reversed).toEqual(suggestClusters(notes));
  });

  it('handles empty and wordless input', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(suggestClusters([{ id: 'a', text: '' }, { id: 'b', text: 'de het een' }, { id: 'c', text: '123' }])).toEqual([]);
  });
});

describe('suggestClusters on a realistic bilingual set (156 notes, 12 hand-made themes)', () => {
  it('proposes groups that are mostly one theme each (purity at least 0.75) and covers most notes', async () => {
    const { careNotes } = await import('../fixtures/careNotes.ts');
    const notes = careNotes();
    expect(notes).toHaveLength(156);
    const theme = new Map(notes.map((n) => [n.id, n.theme]));
    const groups = suggestClusters(notes);
    let majority = 0;
    for (const g of groups) {
      const counts = new Map<string, number>();
      for (const id of g) counts.set(theme.get(id)!, (counts.get(theme.get(id)!) ?? 0) + 1);
      majority += Math.max(...counts.values());
    }
    const grouped = groups.flat().length;
    expect(majority / grouped).toBeGreaterThanOrEqual(0.75);
    expect(grouped / notes.length).toBeGreaterThanOrEqual(0.8);
  });
});
