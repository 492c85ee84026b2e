/**
 * Every refusal the board model can throw carries a code, and every code has a notice in English and
 * in Dutch.
 *
 * Why: a Dutch-speaking table must read why their dot was refused in Dutch; a new refusal added in
 * shared/ without a translation fails here, not on the day.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { modelErrorsEn, modelErrorsNl, modelErrorTextIn } from '../../client/i18n/modelErrors.ts';
import {
  createCluster,
  createNote,
  initBoard,
  MAX_NOTE_TEXT,
  MODEL_ERROR_MESSAGES,
  ORIGIN,
  refusalText,
  setNoteText,
  ValidationError,
  type ModelErrorCode,
  type ModelRefusal,
} from '../../shared/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Values for every parameter any code takes. */
const SAMPLE_PARAMS = { detail: 'title: must not be empty', id: 'x y', noteId: 'n1', max: 40, min: 1, count: 2001, row: 3 };
const CODES = Object.keys(MODEL_ERROR_MESSAGES) as ModelErrorCode[];
const sample = (code: ModelErrorCode) => ({ code, params: SAMPLE_PARAMS }) as unknown as ModelRefusal;

function thrown(action: () => unknown): ValidationError {
  try {
    action();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('model refusals in Dutch', () => {
  it('covers every refusal thrown by the co-creation mutations', () => {
    const sources = ['shared/doc/cocreationMutations.ts', 'shared/doc/clusterMutations.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8'));
    const codes = sources.flatMap((src) => [...src.matchAll(/modelError\('(\w+)'/g)].map((m) => m[1]!));
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !(c in modelErrorsNl))).toEqual([]);
  });

  it('has a non-empty English and Dutch text for every code', () => {
    expect(Object.keys(modelErrorsEn).sort()).toEqual([...CODES].sort());
    expect(Object.keys(modelErrorsNl).sort()).toEqual([...CODES].sort());
    for (const code of CODES) {
      expect(refusalText(modelErrorsEn, sample(code)), code).not.toBe('');
      expect(refusalText(modelErrorsNl, sample(code)), code).not.toBe('');
    }
  });

  it('throws every refusal in shared/ with its code', () => {
    const files = readdirSync(join(ROOT, 'shared'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && f !== join('model', 'errors.ts'));
    const bare = files.filter((f) => readFileSync(join(ROOT, 'shared', f), 'utf8').includes('new ValidationError('));
    expect(files.length).toBeGreaterThan(20);
    expect(bare).toEqual([]);
  });

  it('translates a refusal by its code and parameters, not by its sentence', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Board' }, ORIGIN.local);
    const empty = thrown(() => createCluster(doc, [], 'x', ORIGIN.local));
    expect(empty.code).toBe('clusterNeedsNote');
    expect(modelErrorTextIn('nl', empty)).toBe('een cluster heeft minstens één notitie nodig: kies eerst notities');
    expect(modelErrorTextIn('en', empty)).toBe(empty.message);

    const id = createNote(doc, { x: 0, y: 0, authorId: 'ann' }, ORIGIN.local);
    const long = thrown(() => setNoteText(doc, id, 'x'.repeat(MAX_NOTE_TEXT + 1), ORIGIN.local));
    expect(long.refusal).toEqual({ code: 'noteTextTooLong', params: { max: MAX_NOTE_TEXT } });
    expect(long.message).toBe(`note text must be at most ${MAX_NOTE_TEXT} characters`);
    expect(modelErrorTextIn('nl', long)).toBe(`de tekst van een notitie mag hoogstens ${MAX_NOTE_TEXT} tekens lang zijn`);
  });
});
