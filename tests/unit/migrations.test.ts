import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  checkMigrations,
  CURRENT_SCHEMA_VERSION,
  initBoard,
  metaMap,
  migrateBoard,
  MIGRATIONS,
  MigrationError,
  ORIGIN,
  readMeta,
  type Migration,
} from '../../shared/index.ts';

describe('migrations', () => {
  it('the shipped list runs from 0 to the current version with no gaps', () => {
    expect(() => checkMigrations(MIGRATIONS, CURRENT_SCHEMA_VERSION)).not.toThrow();
  });

  it('v0 -> v2: a bare document from another tool gets schemaVersion, meta and an epoch, keeping unknown fields', () => {
    const before = new Y.Doc();
    before.getMap('meta').set('title', 'Made elsewhere');
    before.getMap('meta').set('customField', 'kept');
    before.getMap('notes').set('n1', new Y.Map());
    const origins: unknown[] = [];
    before.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const result = migrateBoard(before);
    expect(result).toEqual({ from: 0, to: 2, applied: [MIGRATIONS[0]!.name, MIGRATIONS[1]!.name] });
    expect(origins).toEqual([ORIGIN.migration]);
    const meta = readMeta(before);
    expect(meta.schemaVersion).toBe(2);
    expect(meta.epoch).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(meta.title).toBe('Made elsewhere');
    expect(meta.createdAt).toBeGreaterThan(0);
    expect(metaMap(before).get('customField')).toBe('kept');
    expect(before.getMap('notes').has('n1')).toBe(true);
  });

  it('does nothing to a current board', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Now', createdAt: 7 }, ORIGIN.server);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const before = readMeta(doc);
    expect(migrateBoard(doc)).toEqual({ from: 2, to: 2, applied: [] });
    expect(transactions).toBe(0);
    expect(readMeta(doc)).toEqual(before);
  });

  it('v1 -> v2: a board from the first release gets an epoch and keeps everything else', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap('meta');
    meta.set('schemaVersion', 1);
    meta.set('title', 'Eerste versie');
    meta.set('createdAt', 5);
    expect(migrateBoard(doc)).toEqual({ from: 1, to: 2, applied: [MIGRATIONS[1]!.name] });
    expect(readMeta(doc)).toMatchObject({ schemaVersion: 2, title: 'Eerste versie', createdAt: 5 });
    expect(readMeta(doc).epoch).not.toBe('');
  });

  it('refuses a board from a newer version', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
    expect(() => migrateBoard(doc)).toThrow(MigrationError);
  });

  it('runs several steps in order and stamps each version', () => {
    const steps: Migration[] = [
      { from: 0, name: 'a', up: (d) => d.getArray<string>('log').push(['a']) },
      { from: 1, name: 'b', up: (d) => d.getArray<string>('log').push([`b@${String(d.getMap('meta').get('schemaVersion'))}`]) },
      { from: 2, name: 'c', up: (d) => d.getArray<string>('log').push(['c']) },
    ];
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    expect(migrateBoard(doc, steps, 3)).toEqual({ from: 1, to: 3, applied: ['b', 'c'] });
    expect(doc.getArray('log').toArray()).toEqual(['b@1', 'c']);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(3);
  });

  it('refuses a list with a gap', () => {
    const gap: Migration[] = [
      { from: 0, name: 'a', up: () => {} },
      { from: 2, name: 'c', up: () => {} },
    ];
    expect(() => checkMigrations(gap, 2)).toThrow(/expected 1/);
    expect(() => migrateBoard(new Y.Doc(), gap, 2)).toThrow(MigrationError);
  });
});
