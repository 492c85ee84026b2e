/**
 * Every refusal the co-creation model can throw has a Dutch translation for the notices.
 *
 * Why: a Dutch-speaking table must read why their dot was refused in Dutch; a new message added in
 * shared/ without a translation fails here, not on the day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelErrorsNl } from '../../client/i18n/cocreationStrings.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('model refusals in Dutch', () => {
  it('covers every fixed message thrown by the co-creation mutations', () => {
    const sources = ['shared/doc/cocreationMutations.ts', 'shared/doc/clusterMutations.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const messages = sources.flatMap((src) => [...src.matchAll(/new ValidationError\('([^']+)'\)/g)].map((m) => m[1]!));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => !(m in modelErrorsNl))).toEqual([]);
  });
});
