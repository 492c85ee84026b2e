/**
 * Unit: a note's group mark is not colour alone, and it stands out from every note colour: the WCAG
 * contrast of the mark's outline against every note colour (and the lens's group tints), of its
 * label against its fill, each group's label telling the groups apart, the cluster coverage chips
 * against the cluster's bar, and the group tag in the exported picture of the board.
 *
 * Why: a group colour drawn straight on a pastel note is faint (1.8-2.9:1 on yellow) and tells
 * nothing to someone who does not see that colour. Marks need 3:1 against what surrounds them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BAR_COLOR, CHIPS_GROUND } from '../../client/canvas/clusterColors.ts';
import { contrastRatio, relativeLuminance } from '../../client/canvas/contrast.ts';
import { groupMarkLabel, groupMarkLabels, markStyle, tint } from '../../client/canvas/groupMarks.ts';
import { PALETTE } from '../../client/tools/commands.ts';
import { createCluster, createGroup, createNote, GROUP_PALETTE, ORIGIN, type StakeholderGroup } from '../../shared/index.ts';
import { MARK_OUTLINE, markInk } from '../../shared/analysis/groupMarks.ts';
import { boardSvg } from '../../shared/report/svg.ts';

const group = (name: string, order: number): StakeholderGroup => ({ id: `g${order}`, name, color: GROUP_PALETTE[order % 10]!, order, archived: false, createdAt: 0 });

describe('WCAG contrast', () => {
  it('measures luminance and ratios as WCAG 2 does', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // Known pairs: #767676 on white is the classic 4.54:1; order does not matter.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('group marks on notes', () => {
  it('a group colour alone is too faint on the note colours: the reason for the outline', () => {
    expect(Math.min(...GROUP_PALETTE.map((g) => contrastRatio(g, '#fff176')))).toBeLessThan(3);
  });

  it('every group mark meets 3:1 against every note colour and every group tint', () => {
    const backgrounds = [...PALETTE, ...GROUP_PALETTE.map(tint)];
    for (const g of GROUP_PALETTE) {
      const { outline } = markStyle(g);
      for (const note of backgrounds) {
        expect(contrastRatio(outline, note), `mark of ${g} on note ${note}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('the label on every mark is readable (4.5:1), for the palette and any other colour', () => {
    const others = Array.from({ length: 200 }, (_, i) => `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6)}`);
    for (const g of [...GROUP_PALETTE, ...others]) {
      const { fill, ink } = markStyle(g);
      expect(fill).toBe(g);
      expect(contrastRatio(ink, fill), `label on ${g}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("each group's label is its initial, longer only where that tells groups apart", () => {
    const groups = [group('Bewoners', 0), group('Bestuur', 1), group('Zorg', 2), group('Zorgverzekeraars', 3), group('Jonge mensen', 4), group('Jeugdzorg', 5), group('onderwijs', 6)];
    const labels = groupMarkLabels(groups);
    expect(labels).toEqual({ g0: 'Bew', g1: 'Bes', g2: 'Z1', g3: 'Z2', g4: 'JM', g5: 'Je', g6: 'O' });
    expect(new Set(Object.values(labels)).size).toBe(groups.length);
    expect(groupMarkLabels([group('Bewoners', 0), group('Gemeente', 1)])).toEqual({ g0: 'B', g1: 'G' });
    expect(groupMarkLabel(groups, 'g6')).toBe('O');
    expect(groupMarkLabel(groups, null)).toBe('');
    expect(groupMarkLabel(groups, 'unknown')).toBe('');
  });
});

describe("a cluster's coverage chips", () => {
  it('the pill behind the chips meets 3:1 against every bar colour, and each chip outline 3:1 against the pill', () => {
    for (const bar of Object.values(BAR_COLOR)) expect(contrastRatio(CHIPS_GROUND, bar), `pill on ${bar}`).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(MARK_OUTLINE, CHIPS_GROUND)).toBeGreaterThanOrEqual(3);
  });

  it("a chip's label is readable (4.5:1): on a group's colour for a group with notes, on the pill for one without", () => {
    for (const g of GROUP_PALETTE) expect(contrastRatio(markStyle(g).ink, g), `label on ${g}`).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MARK_OUTLINE, CHIPS_GROUND)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the exported picture of the board', () => {
  it("draws each group note's tag with the group's label, outline and readable ink, as on the canvas", () => {
    const doc = new Y.Doc();
    const bew = createGroup(doc, { name: 'Bewoners', color: '#1b9e77' }, ORIGIN.local);
    const zorg = createGroup(doc, { name: 'Zorg & <welzijn>', color: '#e6ab02' }, ORIGIN.local);
    createNote(doc, { text: 'Wachttijden korter', color: '#fff176', x: 0, y: 0, authorId: 'a', groupId: bew }, ORIGIN.local);
    createNote(doc, { text: 'Dichter bij huis', color: '#fff176', x: 300, y: 0, authorId: 'a', groupId: zorg }, ORIGIN.local);
    createNote(doc, { text: 'Zonder groep', color: '#90caf9', x: 600, y: 0, authorId: 'a' }, ORIGIN.local);
    const svg = boardSvg(doc);
    const tags = [...svg.matchAll(/<g class="group-mark"><rect [^>]*fill="(#[0-9a-f]{6})" stroke="([^"]+)"[^>]*\/><text [^>]*fill="([^"]+)">([^<]*)<\/text><\/g>/g)];
    expect(tags.map((t) => ({ fill: t[1], outline: t[2], ink: t[3], label: t[4] }))).toEqual([
      { fill: '#1b9e77', outline: MARK_OUTLINE, ink: markInk('#1b9e77'), label: 'B' },
      { fill: '#e6ab02', outline: MARK_OUTLINE, ink: '#000000', label: 'Z' },
    ]);
    for (const t of tags) expect(contrastRatio(t[3]!, t[1]!)).toBeGreaterThanOrEqual(4.5);
  });

  it("frames the whole board, a cluster's label bar above its notes included", () => {
    const doc = new Y.Doc();
    const ids = [0, 200].map((x) => createNote(doc, { text: 'Thuis', color: '#fff176', x, y: 0, authorId: 'a' }, ORIGIN.local));
    createCluster(doc, ids, 'Thuis wonen', ORIGIN.local);
    const bar = /<rect x="[-\d.]+" y="([-\d.]+)" width="[\d.]+" height="40" rx="14" fill="#37474f"\/>/.exec(boardSvg(doc));
    const [, top] = /viewBox="[-\d.]+ ([-\d.]+) /.exec(boardSvg(doc))!;
    expect(Number(top)).toBeLessThan(Number(bar![1]));
  });
});
