/**
 * The people list: everyone who joined the board, grouped by stakeholder group or by table, with a
 * count per group or table and a search by name; who is online where this device can know it.
 *
 * Why: a room of 300 is not a list to scroll; the facilitator and the tables look for a person or
 * see how full each table is. In a crowd this device holds the presence of its own table and the
 * facilitator only, so the list is built from the board's registry of people and its seats, and the
 * online counts per table come from the server's head counts.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { areaName, type Area } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useStore, type StoreState } from '../store/store.ts';
import { GroupMarkChip } from './GroupMarkChip.tsx';

interface Entry {
  readonly key: string;
  readonly name: string;
  readonly groupId: string | null;
  readonly id: string;
  readonly online: boolean;
  readonly you: boolean;
}

interface Section {
  readonly key: string;
  readonly title: string;
  readonly people: Entry[];
  /** People online there, where known (a table's head count in a crowd); null where this device cannot know. */
  readonly online: number | null;
}

/** Everyone but me: the registry, and people present without an entry. */
function entriesOf(s: Pick<StoreState, 'peers' | 'registry' | 'me'>): Entry[] {
  const peers = Object.values(s.peers);
  const onlineIds = new Set(peers.map((p) => p.id).filter(Boolean));
  const out: Entry[] = [];
  for (const p of s.registry) if (p.id !== s.me.id) out.push({ key: p.id, name: p.name, groupId: p.groupId, id: p.id, online: onlineIds.has(p.id), you: false });
  const listed = new Set(out.map((e) => e.id).concat(s.me.id));
  for (const p of peers) if (p.role !== 'projector' && (!p.id || !listed.has(p.id))) out.push({ key: `c${p.clientId}`, name: p.name, groupId: p.groupId, id: p.id, online: true, you: false });
  return out;
}

/** The table a person sits at for the current seating (a stakeholder table defaults to their group's). */
function tableOf(s: StoreState, tables: readonly Area[], e: Entry): string | null {
  const seat = e.id ? s.seats[e.id] : undefined;
  if (s.facilitation.seating === 'mixed') return seat?.mixed ?? null;
  return seat?.stakeholder ?? tables.find((a) => a.tableGroup === e.groupId)?.id ?? null;
}

/** The grouped, searchable list of people. */
export function PeopleList({ myName }: { myName: string }) {
  const t = useT();
  const lang = useLangValue();
  const [query, setQuery] = useState('');
  const [by, setBy] = useState<'group' | 'table'>('group');
  const peers = useStore((s) => s.peers);
  const registry = useStore((s) => s.registry);
  const me = useStore((s) => s.me);
  const entries = useMemo(() => entriesOf({ peers, registry, me }), [peers, registry, me]);
  const myGroup = useStore((s) => s.me.groupId || null);
  const groups = useStore((s) => s.groups);
  const seating = useStore((s) => s.facilitation.seating);
  const tables = useStore(useShallow((s) => s.areaIds.map((id) => s.areas[id]!).filter((a) => a && a.table === seating)));
  const crowd = useStore((s) => s.crowd);
  const state = useStore.getState;
  const needle = query.trim().toLocaleLowerCase();
  const found = needle ? entries.filter((e) => e.name.toLocaleLowerCase().includes(needle)) : entries;
  const sections = useMemo((): Section[] => {
    // In a crowd this device holds only its own area's presence: elsewhere who is online is unknown.
    const count = (people: Entry[]) => (crowd ? null : people.filter((e) => e.online).length);
    if (by === 'group') {
      const out: Section[] = groups
        .filter((g) => !g.archived)
        .map((g) => {
          const people = found.filter((e) => e.groupId === g.id);
          return { key: g.id, title: g.name, people, online: count(people) };
        });
      const none = found.filter((e) => !groups.some((g) => !g.archived && g.id === e.groupId));
      out.push({ key: '', title: t('noGroup'), people: none, online: count(none) });
      return out.filter((x) => x.people.length > 0);
    }
    const s = state();
    const at = new Map(found.map((e) => [e.key, tableOf(s, tables, e)]));
    const out: Section[] = tables.map((a) => {
      const people = found.filter((e) => at.get(e.key) === a.id);
      return { key: a.id, title: areaName(a, lang), people, online: crowd ? (crowd.counts[a.id] ?? 0) : count(people) };
    });
    const none = found.filter((e) => !at.get(e.key) || !tables.some((a) => a.id === at.get(e.key)));
    out.push({ key: '', title: t('peopleNoTable'), people: none, online: count(none) });
    return out.filter((x) => x.people.length > 0);
  }, [by, found, groups, tables, crowd, lang, t, state]);
  return (
    <div className="people-list">
      <input
        type="search"
        className="people-search"
        data-testid="people-search"
        placeholder={t('peopleSearch')}
        aria-label={t('peopleSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.stopPropagation()}
      />
      <div className="people-tabs" role="group" aria-label={t('people')}>
        <button type="button" aria-pressed={by === 'group'} onClick={() => setBy('group')}>{t('peopleByGroup')}</button>
        <button type="button" aria-pressed={by === 'table'} onClick={() => setBy('table')}>{t('peopleByTable')}</button>
      </div>
      <ul className="people">
        <li>
          <PersonGroup groupId={myGroup} /> {myName} ({t('you')})
          <GroupName groupId={myGroup} />
        </li>
      </ul>
      {sections.length === 0 && <p className="hint">{t('peopleNoMatch')}</p>}
      {sections.map((section) => (
        <section key={section.key} data-testid="people-section">
          <h3 className="people-group">
            <span>{section.title}</span>
            <span className="muted">
              {t('peopleCount', section.people.length)}
              {section.online !== null && ` · ${t('peopleOnline', section.online)}`}
            </span>
          </h3>
          <ul className="people">
            {section.people.map((e) => (
              <li key={e.key}>
                <PersonGroup groupId={e.groupId} /> {e.name}
                <GroupName groupId={e.groupId} />
                {e.online && <span className="online-mark" title={t('peopleOnlineMark')} aria-hidden="true" />}
                {e.online && <span className="visually-hidden"> · {t('peopleOnlineMark')}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** A person's stakeholder group as its mark (the tag on the group's notes), or a hollow grey dot for none. */
function PersonGroup({ groupId }: { groupId: string | null }) {
  const group = useStore((s) => (groupId ? s.groups.find((g) => g.id === groupId && !g.archived) : undefined));
  return group ? <GroupMarkChip id={group.id} color={group.color} /> : <span className="dot no-group" aria-hidden="true" />;
}

/** A person's group in words ("No group" without one). */
function GroupName({ groupId }: { groupId: string | null }) {
  const t = useT();
  const name = useStore((s) => (groupId ? s.groups.find((g) => g.id === groupId && !g.archived)?.name : undefined));
  return <span className="muted"> · {name ?? t('noGroup')}</span>;
}
