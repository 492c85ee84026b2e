/**
 * The layers hold and no import cycle exists, read off the code on every `npm test`.
 *
 * Why: shared/ runs in browsers and in Node, so it may use neither the DOM nor Node; client/ and
 * server/ never import each other; inside the client, the store knows nothing of sync, sync nothing
 * of gestures and canvas, and nothing below the DOM pages imports them. A cycle, or one wrong import,
 * would otherwise come in unseen with the next change.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { findCycles, globalUses, isNodeBuiltin, readImports, sourceFiles, type ImportEdge } from '../helpers/importGraph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILES = sourceFiles(ROOT, ['client', 'server', 'shared']);
const EDGES = readImports(ROOT, FILES);

/** The top folder of a path (`client`, `server`, `shared`). */
const layerOf = (path: string) => path.split('/')[0]!;

/**
 * The client's folders from bottom to top: a folder imports only from its own rank or below.
 * i18n and store hold state and words; sync turns the document into store state and actions;
 * tools (gestures, commands) and canvas (the Konva shapes) use both; ui (DOM pages and panels) is on top.
 */
const CLIENT_RANK: Record<string, number> = { i18n: 0, store: 1, sync: 2, tools: 3, canvas: 3, ui: 4 };
const clientFolderOf = (path: string) => (path.startsWith('client/') ? (path.split('/')[1] ?? '') : '');

/** Packages the shared model may use: they run the same in a browser and in Node. */
const SHARED_PACKAGES = ['yjs', 'lib0', 'y-protocols', 'zod', 'papaparse', 'snowball-stemmers'];

function describeEdges(edges: ImportEdge[]): string {
  return edges.map((e) => `${e.from} imports '${e.specifier}'`).join('\n');
}

describe('the import graph', () => {
  it('reads the whole product', () => {
    expect(FILES.filter((f) => f.startsWith('client/')).length).toBeGreaterThan(50);
    expect(FILES.filter((f) => f.startsWith('server/')).length).toBeGreaterThan(30);
    expect(FILES.filter((f) => f.startsWith('shared/')).length).toBeGreaterThan(30);
    expect(EDGES.some((e) => e.to === 'shared/index.ts')).toBe(true);
  });

  it('finds a cycle when there is one, as a path', () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to });
    const cycles = findCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts'), edge('c.ts', 'd.ts'), edge('d.ts', 'd.ts')]);
    expect(cycles).toEqual([['d.ts', 'd.ts'], ['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(findCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('a.ts', 'c.ts')])).toEqual([]);
  });

  it('has no import cycle (type-only and dynamic imports count)', () => {
    const cycles = findCycles(EDGES).map((c) => c.join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps client/ and server/ apart: each imports only itself and shared/', () => {
    const crossing = EDGES.filter((e) => e.to !== null && layerOf(e.from) !== layerOf(e.to) && layerOf(e.to) !== 'shared');
    expect(crossing, describeEdges(crossing)).toEqual([]);
  });

  it('keeps shared/ to itself and to packages that run in a browser and in Node', () => {
    const outside = EDGES.filter(
      (e) =>
        layerOf(e.from) === 'shared' &&
        (e.to !== null ? layerOf(e.to) !== 'shared' : !SHARED_PACKAGES.some((p) => e.specifier === p || e.specifier.startsWith(`${p}/`))),
    );
    expect(outside, describeEdges(outside)).toEqual([]);
  });

  it('imports no Node built-in module in client/ or shared/', () => {
    const builtins = EDGES.filter((e) => layerOf(e.from) !== 'server' && e.to === null && isNodeBuiltin(e.specifier));
    expect(builtins, describeEdges(builtins)).toEqual([]);
  });

  it("keeps the client's folders in order: store < sync < tools, canvas < ui", () => {
    const upward = EDGES.filter((e) => {
      if (e.to === null || !e.from.startsWith('client/') || !e.to.startsWith('client/')) return false;
      const from = CLIENT_RANK[clientFolderOf(e.from)];
      const to = CLIENT_RANK[clientFolderOf(e.to)];
      return from !== undefined && to !== undefined && to > from;
    });
    expect(upward, describeEdges(upward)).toEqual([]);
  });
});

describe('the globals each layer uses', () => {
  const uses = globalUses(ROOT, FILES);
  const show = (list: typeof uses) => list.map((u) => `${u.file}:${u.line} ${u.name} (${u.origins.join(', ')})`).join('\n');
  const nodeOnly = (u: (typeof uses)[number]) => u.origins.includes('node') && !u.origins.includes('dom') && !u.origins.includes('es');
  const domOnly = (u: (typeof uses)[number]) => u.origins.includes('dom') && !u.origins.includes('node') && !u.origins.includes('es');

  it('are read (the check sees a DOM global in the client and a Node global in the server)', () => {
    expect(uses.some((u) => u.file.startsWith('client/') && domOnly(u))).toBe(true);
    expect(uses.some((u) => u.file.startsWith('server/') && nodeOnly(u))).toBe(true);
  });

  it('shared/ uses neither DOM nor Node globals (only what both have: crypto, TextEncoder, timers ...)', () => {
    const bad = uses.filter((u) => u.file.startsWith('shared/') && (nodeOnly(u) || domOnly(u)));
    expect(bad, show(bad)).toEqual([]);
  });

  it('client/ uses no Node globals', () => {
    const bad = uses.filter((u) => u.file.startsWith('client/') && nodeOnly(u));
    expect(bad, show(bad)).toEqual([]);
  });

  it('server/ uses no DOM globals', () => {
    const bad = uses.filter((u) => u.file.startsWith('server/') && domOnly(u));
    expect(bad, show(bad)).toEqual([]);
  });
});
