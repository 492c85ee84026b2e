/**
 * The pure standing rules and the groups they count: an item's standing from each active group's
 * stance, the three Future Search lists with confirmations and visible disagreements, and creating,
 * editing and archiving stakeholder groups.
 *
 * Why: common ground only when every active group stands behind an item, and no disagreement hidden
 * (shared/analysis/standing.ts); the answer must not depend on where or in what order it is computed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  agreementLists,
  createGroup,
  listGroups,
  MAX_GROUPS,
  MAX_LABEL,
  ORIGIN,
  setGroupArchived,
  standingOf,
  stancesFor,
  updateGroup,
  ValidationError,
  type Outcome,
  type OutcomeList,
  type Stance,
  type StanceValue,
  type StakeholderGroup,
} from '../../shared/index.ts';
import { group, ids, newBoard } from '../helpers/cocreationOps.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000);
});
afterEach(() => vi.useRealTimers());

describe('standing of an item (pure)', () => {
  const g = (id: string, archived = false): StakeholderGroup => ({ id, name: id, color: '#666666', order: 0, archived, createdAt: 0 });
  const s = (itemId: string, groupId: string, value: StanceValue): Stance => ({ itemId, groupId, stance: value, by: 'p', at: 0 });

  it('common ground only when every active group agrees; not agreed when any disagrees; open otherwise', () => {
    expect(standingOf({ a: 'agree', b: 'agree' })).toBe('commonGround');
    expect(standingOf({ a: 'agree', b: 'disagree' })).toBe('notAgreed');
    expect(standingOf({ a: 'disagree', b: undefined })).toBe('notAgreed');
    expect(standingOf({ a: 'agree', b: 'unsure' })).toBe('open');
    expect(standingOf({ a: 'agree', b: undefined })).toBe('open');
    expect(standingOf({})).toBe('open'); // no groups: nobody can have agreed
  });

  it('reads each active group’s stance on the item, ignoring archived and unknown groups and other items', () => {
    const groups = [g('citizens'), g('business'), g('old', true)];
    const stances = [s('x', 'citizens', 'agree'), s('x', 'old', 'disagree'), s('x', 'ghost', 'disagree'), s('y', 'business', 'disagree')];
    expect(stancesFor('x', stances, groups)).toEqual({ citizens: 'agree', business: undefined });
    expect(standingOf(stancesFor('x', [...stances, s('x', 'business', 'agree')], groups))).toBe('commonGround');
  });
});

describe('agreementLists (pure)', () => {
  const groups: StakeholderGroup[] = ['g1', 'g2'].map((id, order) => ({ id, name: id, color: '#666666', order, archived: false, createdAt: 0 }));
  const s = (itemId: string, groupId: string, value: StanceValue): Stance => ({ itemId, groupId, stance: value, by: 'p', at: 0 });
  const o = (itemId: string, list: OutcomeList, at: number): Outcome => ({ itemId, list, by: 'f', at });

  it('sorts confirmed items into their list, keeps every disagreement visible, and the rest unconfirmed', () => {
    const stances = [
      s('agreed', 'g1', 'agree'), s('agreed', 'g2', 'agree'),
      s('split', 'g1', 'agree'), s('split', 'g2', 'disagree'),
      s('project', 'g1', 'agree'), s('project', 'g2', 'unsure'),
      s('quarrel', 'g1', 'disagree'),
      s('half', 'g1', 'agree'),
    ];
    const outcomes = [o('agreed', 'commonGround', 1), o('split', 'notAgreed', 2), o('project', 'potentialProject', 3), o('silent', 'potentialProject', 4)];
    const l = agreementLists(stances, outcomes, groups);
    expect(ids(l)).toEqual({
      commonGround: ['agreed'],
      potentialProject: ['project', 'silent'],
      notAgreed: ['split'],
      disagreements: ['quarrel'], // 'split' is visible on the not-agreed list already
      unconfirmed: ['half', 'quarrel'],
    });
    expect(l.potentialProject[1]).toMatchObject({ standing: 'open', byGroup: { g1: undefined, g2: undefined }, confirmed: 'potentialProject' });
  });

  it('an item confirmed as common ground that a group no longer agrees with is contested, not hidden', () => {
    const l = agreementLists([s('x', 'g1', 'agree'), s('x', 'g2', 'disagree')], [o('x', 'commonGround', 1)], groups);
    expect(ids(l)).toMatchObject({ commonGround: ['x!'], disagreements: ['x!'] });
    expect(l.commonGround[0]).toMatchObject({ standing: 'notAgreed', contested: true });
  });

  it('merged items count for the item they stand for (the latest confirmation wins); gone items are left out', () => {
    const resolve = (id: string) => ({ A: 'B', B: 'B', n: 'n' })[id] ?? null;
    const l = agreementLists(
      [s('A', 'g1', 'disagree'), s('B', 'g1', 'agree'), s('B', 'g2', 'agree'), s('gone', 'g1', 'disagree')],
      [o('B', 'potentialProject', 5), o('A', 'notAgreed', 9), o('gone', 'commonGround', 1)],
      groups,
      resolve,
    );
    expect(ids(l)).toEqual({ commonGround: [], potentialProject: [], notAgreed: ['B'], disagreements: [], unconfirmed: [] });
    expect(l.notAgreed[0]!.standing).toBe('commonGround');
  });
});

describe('stakeholder groups', () => {
  it('creates groups at the end of the legend, renames, recolours and archives them', () => {
    const doc = newBoard();
    const a = createGroup(doc, { name: ' Burgers ', color: '#1B9E77' }, ORIGIN.local);
    const b = createGroup(doc, { name: 'Vakbonden', color: '#d95f02' }, ORIGIN.local);
    expect(listGroups(doc)).toEqual([
      { id: a, name: 'Burgers', color: '#1b9e77', order: 1, archived: false, createdAt: 1_000 },
      { id: b, name: 'Vakbonden', color: '#d95f02', order: 2, archived: false, createdAt: 1_000 },
    ]);
    updateGroup(doc, a, { name: 'Inwoners', color: '#7570B3' }, ORIGIN.local);
    setGroupArchived(doc, b, true, ORIGIN.local);
    expect(listGroups(doc)).toMatchObject([{ name: 'Inwoners', color: '#7570b3', archived: false }, { name: 'Vakbonden', archived: true }]);
  });

  it('refuses bad names and colours, unknown groups and more than the maximum, with clear messages', () => {
    const doc = newBoard();
    expect(() => createGroup(doc, { name: '   ', color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError('name: the group name must not be empty'));
    expect(() => createGroup(doc, { name: 'x'.repeat(MAX_LABEL + 1), color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError(`name: the group name must be at most ${MAX_LABEL} characters`));
    expect(() => createGroup(doc, { name: 'A', color: 'red' }, ORIGIN.local)).toThrow(new ValidationError('color: must be a colour like #ffcc00'));
    expect(() => updateGroup(doc, 'gone', { name: 'A', color: '#123456' }, ORIGIN.local)).toThrow(new ValidationError('that stakeholder group no longer exists'));
    expect(() => setGroupArchived(doc, 'gone', true, ORIGIN.local)).toThrow(new ValidationError('that stakeholder group no longer exists'));
    const made = Array.from({ length: MAX_GROUPS }, (_, i) => group(doc, `G${i}`, i));
    expect(() => group(doc, 'one too many')).toThrow(new ValidationError(`a board has at most ${MAX_GROUPS} stakeholder groups`));
    setGroupArchived(doc, made[0]!, true, ORIGIN.local); // archived groups leave room
    group(doc, 'now it fits');
    expect(listGroups(doc)).toHaveLength(MAX_GROUPS + 1);
  });
});
