/**
 * The import graph of the product's code (client/, server/, shared/) and the globals each file uses,
 * read with TypeScript itself.
 *
 * Why: the layers (shared/ is pure; client/ and server/ never import each other; inside the client,
 * lower folders never import the ones that use them) and the absence of import cycles are rules that
 * a refactoring breaks silently. `tests/unit/layers.test.ts` checks them on every `npm test`. Every
 * kind of import counts as an edge: static, type-only, re-export and dynamic `import()`.
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** One import: the importing file, the specifier as written, and the project file it resolves to (or null for a package). */
export interface ImportEdge {
  readonly from: string;
  readonly specifier: string;
  readonly to: string | null;
}

const SOURCE = /\.(ts|tsx)$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Every .ts/.tsx file under `dirs` (paths relative to `root`, with forward slashes), sorted. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
    }
  };
  dirs.forEach(walk);
  return out.sort();
}

/** Whether a specifier names a Node built-in module (`fs`, `node:path`, `worker_threads` ...). */
export function isNodeBuiltin(specifier: string): boolean {
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]!);
}

/** The specifiers a file imports, of every kind (static, type-only, re-export, dynamic). */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Reads every import of `files`, resolving relative specifiers to project files. */
export function readImports(root: string, files: readonly string[]): ImportEdge[] {
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | null => {
    if (!specifier.startsWith('.')) return null;
    const base = normalize(join(dirname(from), specifier)).split(sep).join('/').replace(/\.js$/, '');
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (known.has(candidate)) return candidate;
    return base; // not a source file (a stylesheet, an asset): never part of a cycle
  };
  return files.flatMap((from) => importsOf(readFileSync(join(root, from), 'utf8')).map((specifier) => ({ from, specifier, to: resolve(from, specifier) })));
}

/** The import cycles among `edges`: each strongly connected set of two or more files (or a file importing itself), as one cycle path through it. */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to === null) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  // Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = next.get(top.node)!;
      if (top.i < targets.length) {
        const w = targets[top.i++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) !== index.get(top.node)) continue;
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== top.node);
      if (members.length > 1 || targets.includes(top.node)) cycles.push(cyclePath(members, next));
    }
  }
  return cycles;
}

/** One closed path through a strongly connected set, for a readable message (a -> b -> a). */
function cyclePath(members: string[], next: Map<string, string[]>): string[] {
  const inSet = new Set(members);
  const start = [...members].sort()[0]!;
  const path = [start];
  const seen = new Set([start]);
  let at = start;
  for (;;) {
    const targets = next.get(at)!.filter((t) => inSet.has(t));
    const back = targets.find((t) => t === start);
    const fresh = targets.find((t) => !seen.has(t));
    if (fresh === undefined || (back !== undefined && path.length > 1)) return [...path, start];
    path.push(fresh);
    seen.add(fresh);
    at = fresh;
  }
}

/** Where an ambient global comes from: the DOM's lib files, Node's types, or the language itself (ES libs). */
export type GlobalOrigin = 'dom' | 'node' | 'es';

function originOf(fileName: string): GlobalOrigin | null {
  const f = fileName.split(sep).join('/');
  if (/\/typescript\/lib\/lib\.(dom|webworker)[.a-z]*\.d\.ts$/.test(f)) return 'dom';
  if (/\/typescript\/lib\/lib\.[^/]+\.d\.ts$/.test(f)) return 'es';
  if (f.includes('/@types/node/') || f.includes('/undici-types/')) return 'node';
  return null;
}

/** A value-level use of an ambient global: `{ file, line, name, origins }`. */
export interface GlobalUse {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly origins: readonly GlobalOrigin[];
}

/**
 * Every value-level use of an ambient global (`window`, `process`, `Buffer`, `crypto` ...) in `files`,
 * with where its declarations come from. Types are left out: a DOM type in shared code costs nothing
 * at run time; a DOM or Node value does. Globals that only packages declare are left out too.
 */
export function globalUses(root: string, files: readonly string[]): GlobalUse[] {
  const configPath = join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram(
    files.map((f) => join(root, f)),
    parsed.options,
  );
  const checker = program.getTypeChecker();
  const uses: GlobalUse[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(join(root, file));
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node)) return;
      if (ts.isIdentifier(node) && isGlobalCandidate(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        const decls = symbol?.declarations ?? [];
        const origins = [...new Set(decls.map((d) => originOf(d.getSourceFile().fileName)))];
        if (symbol && symbol.flags & ts.SymbolFlags.Value && decls.length > 0 && !origins.includes(null)) {
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          uses.push({ file: relative(root, sf.fileName).split(sep).join('/'), line: line + 1, name: node.text, origins: origins as GlobalOrigin[] });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

/** An identifier that can name a global: a free name, or a property of `globalThis`/`window`/`self`. */
function isGlobalCandidate(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) {
    return ts.isIdentifier(p.expression) && ['globalThis', 'window', 'self'].includes(p.expression.text);
  }
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false;
  if (ts.isQualifiedName(p) || ts.isJsxAttribute(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) return false;
  return true;
}
