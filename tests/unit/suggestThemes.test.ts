/**
 * Suggested clusters in both languages: stemming, Dutch compounds, the concept list, no proposal on
 * one common word ("fast"), learning from the board's clusters, and an ARI of at least 0.3 on the
 * 210-note bilingual set.
 *
 * Why: a wall mixes Dutch and English; a suggestion that splits one theme by language, or joins two
 * on "fast", costs the room more tidying than it saves.
 */
import { describe, expect, it } from 'vitest';
import { stemDutch, stemEnglish } from '../../shared/analysis/stemmers.ts';
import { featuresOf, languageOf, splitCompound, vocabularyOf, wordsOf } from '../../shared/analysis/noteTerms.ts';
import { labelFor } from '../../client/tools/suggestions.ts';
import { suggestClusters } from '../../shared/index.ts';
import { regionNotes } from '../fixtures/regionNotes.ts';
import { scoreClusters } from '../helpers/clusterScores.ts';

/** Whether some proposal holds both notes. */
const together = (groups: string[][], a: string, b: string) => groups.some((g) => g.includes(a) && g.includes(b));

/** Notes on other themes, so that a pair is judged on a board, not alone. */
const OTHERS = [
  { id: 'x1', text: 'Solar panels on the school roof' },
  { id: 'x2', text: 'Meer bomen in de straat' },
  { id: 'x3', text: 'Burglaries in the neighbourhood' },
  { id: 'x4', text: 'Boerenmarkt op zaterdag' },
];

describe('stemming in both languages', () => {
  it('brings English word forms together (Porter)', () => {
    expect(stemEnglish('caring')).toBe(stemEnglish('care'));
    expect(stemEnglish('nurses')).toBe(stemEnglish('nursing'));
    expect(stemEnglish('volunteers')).toBe(stemEnglish('volunteer'));
    expect(stemEnglish('waiting')).toBe('wait');
  });

  it('brings Dutch word forms together (Snowball)', () => {
    expect(stemDutch('wachtlijsten')).toBe(stemDutch('wachtlijst'));
    expect(stemDutch('eenzaamheid')).toBe(stemDutch('eenzame'));
    expect(stemDutch('vrijwilligers')).toBe(stemDutch('vrijwilliger'));
    expect(stemDutch('woningen')).toBe(stemDutch('woning'));
  });

  it('tells a Dutch note from an English one by its function words', () => {
    expect(languageOf(wordsOf('Tekort aan verpleegkundigen in de nacht'))).toBe('nl');
    expect(languageOf(wordsOf('Shortage of nurses at night'))).toBe('en');
  });
});

describe('Dutch compounds', () => {
  const vocab = vocabularyOf(['jeugd', 'thuis team', 'personeel']);

  it('split into words the board or the concept list knows, with a linking s', () => {
    expect(splitCompound('jeugdzorg', vocab)).toEqual(['jeugd', 'zorg']);
    expect(splitCompound('personeelstekort', vocab)).toEqual(['personeel', 'tekort']);
    expect(splitCompound('thuiszorgteams', vocab)).toEqual(['thuis', 'zorg', 'teams']);
  });

  it('split off a concept word at the head even when the rest is unknown', () => {
    expect(splitCompound('buslijn', vocab)).toEqual(['bus', 'lijn']);
  });

  it('stay whole when no part is known', () => {
    expect(splitCompound('samenleving', vocab)).toEqual([]);
    expect(splitCompound('onderhoud', vocab)).toEqual([]);
  });

  it('lend their parts\' concepts to the note ("mantelzorgondersteuning" is about informal care)', () => {
    const features = featuresOf('Mantelzorgondersteuning in het dorp', vocabularyOf([]));
    expect(features.has('c:informalCare')).toBe(true);
  });
});

describe('suggested clusters that understand the room', () => {
  it('join a Dutch and an English note on the same concept', () => {
    const notes = [{ id: 'a', text: 'Mantelzorgers raken overbelast' }, { id: 'b', text: 'Informal carers are exhausted' }, ...OTHERS];
    expect(together(suggestClusters(notes), 'a', 'b')).toBe(true);
  });

  it('never join two notes on one common word alone ("fast")', () => {
    const notes = [
      { id: 'a', text: 'Fast internet' },
      { id: 'b', text: 'Fast decisions' },
      { id: 'c', text: 'Fast internet for the village' },
      { id: 'd', text: 'Fast decisions for the village' },
    ];
    const groups = suggestClusters([...notes, ...OTHERS]);
    expect(together(groups, 'a', 'b')).toBe(false);
    expect(together(groups, 'c', 'd')).toBe(false);
    // Two shared words, or a concept, do join.
    expect(together(groups, 'a', 'c')).toBe(true);
  });

  it('learn from the clusters people made on this board', () => {
    // Two notes with no word in common, each sharing two words with a cluster the room made.
    const notes = [{ id: 'a', text: 'Praalwagens in de optocht' }, { id: 'b', text: 'Kapel op de prinsenwagen' }, ...OTHERS];
    const clusters = [
      { id: 'k', label: 'Carnaval', texts: ['Optocht met praalwagens', 'Prinsenwagen en kapel', 'Optocht en prinsenwagen', 'Kapel bij de praalwagens'] },
    ];
    expect(together(suggestClusters(notes), 'a', 'b')).toBe(false);
    expect(together(suggestClusters(notes, { clusters }), 'a', 'b')).toBe(true);
  });

  it('reach an adjusted Rand index of at least 0.3 on the bilingual set of 210 notes in 15 themes', () => {
    const notes = regionNotes();
    expect(notes).toHaveLength(210);
    expect(new Set(notes.map((n) => n.theme)).size).toBe(15);
    const scores = scoreClusters(suggestClusters(notes), new Map(notes.map((n) => [n.id, n.theme])));
    expect(scores.ari).toBeGreaterThanOrEqual(0.3);
    expect(scores.f1).toBeGreaterThanOrEqual(0.3);
  });

  it('are named by their theme words, not by words that say how much or how soon', () => {
    expect(labelFor(['Fast internet in the village', 'Fast fibre internet', 'Fibre for every farm'])).toBe('fibre · internet');
    expect(labelFor(['Eenzaamheid onder ouderen', 'Eenzame buren', 'Lonely older people'])).toBe('eenzaamheid · lonely');
  });

  it('on a wall of 18 notes, propose the bilingual theme as one group and nothing on "fast" alone', () => {
    const wall: [string, string][] = [
      ['staff', 'Personeelstekort in de thuiszorg'],
      ['staff', 'Staff shortage in home care'],
      ['staff', 'Vacatures blijven maanden open'],
      ['staff', 'Not enough nurses for the night shift'],
      ['staff', 'Tekort aan verpleegkundigen'],
      ['transport', 'Fast bus to the hospital'],
      ['transport', 'Buurtbus voor ouderen in het dorp'],
      ['transport', 'Trein elk kwartier naar de stad'],
      ['transport', 'Bus stops closer to home'],
      ['digital', 'Fast internet in every village'],
      ['digital', 'Glasvezel in het buitengebied'],
      ['digital', 'Online banking is hard for older people'],
      ['digital', 'Digitale vaardigheden voor senioren'],
      ['council', 'Fast decisions by the council'],
      ['council', 'Inspraak voor bewoners bij nieuwe plannen'],
      ['council', 'Citizens assembly on the future of care'],
      ['council', 'Gemeenteraad legt besluiten beter uit'],
      ['none', 'Koffie was lekker'],
    ];
    const notes = wall.map(([, text], i) => ({ id: `w${String(i).padStart(2, '0')}`, text }));
    const theme = new Map(wall.map(([t], i) => [`w${String(i).padStart(2, '0')}`, t]));
    const groups = suggestClusters(notes);
    const staff = groups.find((g) => g.filter((id) => theme.get(id) === 'staff').length >= 4);
    expect(staff, JSON.stringify(groups)).toBeDefined();
    // The three "fast" notes (bus, internet, council) are never proposed together.
    for (const [a, b] of [['w05', 'w09'], ['w05', 'w13'], ['w09', 'w13']] as const) expect(together(groups, a, b)).toBe(false);
    // Every proposal keeps to one theme.
    for (const g of groups) expect(new Set(g.map((id) => theme.get(id))).size, JSON.stringify(g)).toBe(1);
  });
});
