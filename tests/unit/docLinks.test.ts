/**
 * Every relative link in the documentation leads somewhere: the README, the changelog, docs/*.md and
 * the top-level folder READMEs.
 *
 * Why: the documentation is split over many pages that link each other by file and by heading; a
 * renamed heading or a moved file breaks those links silently. This reads each page as GitHub renders
 * it (links in code are not links; headings get GitHub's anchors) and lists every link whose file or
 * anchor is missing, all in one failure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A link whose target file or anchor does not exist. */
interface BrokenLink {
  readonly file: string;
  readonly line: number;
  readonly target: string;
  readonly reason: string;
}

/** What the checker may ask of the file system (a fake one in the self-test). */
interface Files {
  exists(path: string): boolean;
  /** The text of a Markdown file, or undefined when it is missing or a folder. */
  read(path: string): string | undefined;
}

const diskFiles: Files = {
  exists: (path) => existsSync(path),
  read: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined),
};

/** The lines of `text` with fenced code blocks blanked (kept as empty lines, so numbers stay right). */
function proseLines(text: string): string[] {
  let fence: string | null = null;
  return text.split(/\r?\n/).map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null && opener) {
      fence = opener[1]!;
      return '';
    }
    if (fence !== null) {
      const closer = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (closer && closer[1]![0] === fence[0] && closer[1]!.length >= fence.length) fence = null;
      return '';
    }
    return line;
  });
}

/** `line` with its inline code spans blanked out. */
function withoutInlineCode(line: string): string {
  return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (span) => ' '.repeat(span.length));
}

/**
 * GitHub's anchor for a heading's Markdown: the text as rendered (links and images by their text,
 * backticks gone), lowercased, every character but letters, digits, spaces, - and _ dropped, spaces to -.
 * HTML in a heading is not interpreted (the docs have none).
 */
export function slugOf(heading: string): string {
  const text = heading
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/`/g, '');
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: its headings' slugs (duplicates numbered -1, -2, ...) and ids. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const slug = slugOf(heading);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  };
  const lines = proseLines(text);
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) add(atx[1]!);
    else if (/^ {0,3}(=+|-+)\s*$/.test(line) && i > 0 && /^ {0,3}[^\s#>|*+-]/.test(lines[i - 1]!)) {
      add(lines[i - 1]!.trim()); // setext heading
    }
    for (const m of line.matchAll(/<a\s[^>]*(?:name|id)="([^"]+)"/gi)) anchors.add(m[1]!);
  });
  return anchors;
}

/** Every link and image target in `text` outside code, with its line number (1-based). */
export function linksOf(text: string): { line: number; target: string }[] {
  const links: { line: number; target: string }[] = [];
  proseLines(text).forEach((raw, i) => {
    const line = withoutInlineCode(raw);
    for (const m of line.matchAll(/!?\[(?:[^\][]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+["'][^"']*["'])?\s*\)/g)) {
      links.push({ line: i + 1, target: m[1]! });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1]! });
  });
  return links;
}

/** The broken relative links of the Markdown file at `path` (absolute) whose text is `text`. */
export function brokenLinksOf(path: string, text: string, files: Files = diskFiles): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const { line, target } of linksOf(text)) {
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
    const hash = target.indexOf('#');
    const filePart = (hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
    const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
    const resolved = filePart === '' ? path : resolve(dirname(path), decodeURIComponent(filePart));
    const report = (reason: string) => broken.push({ file: path, line, target, reason });
    if (!files.exists(resolved)) {
      report('no such file');
      continue;
    }
    if (anchor === undefined || anchor === '' || !resolved.endsWith('.md')) continue;
    const targetText = resolved === path ? text : files.read(resolved);
    if (targetText === undefined || !anchorsOf(targetText).has(anchor)) report(`no heading #${anchor}`);
  }
  return broken;
}

/** The pages whose links are checked. */
function documentationFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, 'docs', name));
  const folders = ['client', 'server', 'shared', 'tests', 'bench'].map((folder) => join(ROOT, folder, 'README.md'));
  return [join(ROOT, 'README.md'), join(ROOT, 'CHANGELOG.md'), ...docs, ...folders];
}

describe('links in the documentation', () => {
  it("slugs headings as GitHub does, numbering duplicates", () => {
    expect(slugOf("The facilitator's day")).toBe('the-facilitators-day');
    expect(slugOf('`GET /api/boards/<id>`')).toBe('get-apiboardsid');
    expect(slugOf('Co-creation: groups, clusters, votes, common ground')).toBe('co-creation-groups-clusters-votes-common-ground');
    expect(slugOf('Awareness (presence, not stored)')).toBe('awareness-presence-not-stored');
    expect(slugOf('snake_case and Ünïcode')).toBe('snake_case-and-ünïcode');
    expect(slugOf('See [the API](http-api.md) now')).toBe('see-the-api-now');
    expect([...anchorsOf('# Intro\n## Notes\n## Notes\n```\n## Not a heading\n```\nSetext\n---\n## Notes\n')]).toEqual([
      'intro',
      'notes',
      'notes-1',
      'setext',
      'notes-2',
    ]);
  });

  it('finds a missing file and a missing anchor, and ignores code, external links and good ones', () => {
    const page = resolve('/repo/docs/page.md');
    const other = resolve('/repo/docs/other.md');
    const files: Files = {
      exists: (path) => path === page || path === other || path === resolve('/repo/README.md'),
      read: (path) => (path === other ? '# Other page\n\n## Real heading\n' : undefined),
    };
    const text = [
      '# Page', //                                              1
      'See [a missing page](missing.md) and [the other](other.md#real-heading).', // 2
      'A [wrong anchor](other.md#nope), [here](#page), [not here](#gone).', //      3
      'Code: `[in code](code.md)`, [out](https://example.org/x.md), [mail](mailto:a@b.c).', // 4
      '```md', //                                               5
      '[in a fence](fenced.md)', //                             6
      '```', //                                                 7
      '![picture](../README.md) and ![gone](pic.png "title")', // 8
    ].join('\n');
    const found = brokenLinksOf(page, text, files).map((b) => `${b.line} ${b.target} (${b.reason})`);
    expect(found).toEqual([
      '2 missing.md (no such file)',
      '3 other.md#nope (no heading #nope)',
      '3 #gone (no heading #gone)',
      '8 pic.png (no such file)',
    ]);
  });

  it('every relative link and image in the README, the changelog, docs/ and the folder READMEs resolves', () => {
    const pages = documentationFiles();
    const missingPages = pages.filter((page) => !existsSync(page)).map((page) => relative(ROOT, page));
    expect(missingPages, 'documentation pages that do not exist').toEqual([]);
    const broken = pages.flatMap((page) => brokenLinksOf(page, readFileSync(page, 'utf8')));
    const report = broken.map((b) => `${relative(ROOT, b.file)}:${b.line} -> ${b.target} (${b.reason})`);
    expect(report.join('\n'), `${broken.length} broken link(s)`).toBe('');
    expect(pages.reduce((n, page) => n + linksOf(readFileSync(page, 'utf8')).length, 0)).toBeGreaterThan(50);
  });
});
