/**
 * The crowd settings in the facilitator's frame: their defaults on a board that has none, the named
 * change, and what a stray stored value reads as.
 */
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { facilitationMap, ORIGIN, readCrowdSummary, readFacilitation, setCrowdPresence, ValidationError } from '../../shared/index.ts';

it('reads 25 people and cursors on for a board without crowd settings', () => {
  expect(readFacilitation(new Y.Doc()).crowd).toEqual({ threshold: 25, cursors: true });
});

it('changes the threshold and the cursors apart, and refuses a threshold that is no whole number from 1 to 10000', () => {
  const doc = new Y.Doc();
  setCrowdPresence(doc, { threshold: 40 }, ORIGIN.local);
  setCrowdPresence(doc, { cursors: false }, ORIGIN.local);
  expect(readFacilitation(doc).crowd).toEqual({ threshold: 40, cursors: false });
  for (const bad of [0, -3, 2.5, 10_001, Number.NaN]) expect(() => setCrowdPresence(doc, { threshold: bad }, ORIGIN.local)).toThrow(ValidationError);
  expect(readFacilitation(doc).crowd.threshold).toBe(40);
});

it('reads a stray stored value as the defaults, field by field', () => {
  const doc = new Y.Doc();
  facilitationMap(doc).set('crowd', { threshold: 'many', cursors: false });
  expect(readFacilitation(doc).crowd).toEqual({ threshold: 25, cursors: false });
});

it('reads the server’s crowd summary from an awareness state, and nothing from a person’s', () => {
  expect(readCrowdSummary({ crowd: { people: 30, counts: { a: 12, '': 18, bad: 'x' }, busy: { n1: '#112233', n2: 'red' } } })).toEqual({
    people: 30,
    counts: { a: 12, '': 18 },
    busy: { n1: '#112233' },
  });
  expect(readCrowdSummary({ user: { name: 'Ann' }, place: 'a' })).toBeNull();
});
