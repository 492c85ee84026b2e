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

  it('v0 -> v1: a bare document from another tool gets schemaVersion and meta, keeping unknown fields', () => {
    const before = new Y.Doc();
    before.getMap('meta').set('title', 'Made elsewhere');
    before.getMap('meta').set('customField', 'kept');
    before.getMap('notes').set('n1', new Y.Map());
    const origins: unknown[] = [];
    before.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const result = migrateBoard(before);
    expect(result).toEqual({ from: 0, to: 1, applied: [MIGRATIONS[0]!.name] });
    expect(origins).toEqual([ORIGIN.migration]);
    const meta = readMeta(before);
    expect(meta.schemaVersion).toBe(1);
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
    expect(migrateBoard(doc)).toEqual({ from: 1, to: 1, applied: [] });
    expect(transactions).toBe(0);
    expect(readMeta(doc)).toEqual({ schemaVersion: 1, title: 'Now', createdAt: 7 });
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
