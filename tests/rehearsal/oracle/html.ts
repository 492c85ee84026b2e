/**
 * Reads `report.html` into the oracle's report view with jsdom: notes by their `li[data-note-id]` in
 * each `section[id]`, with the heading they stand under and their `span.group`; vote tables; the
 * items of each list; the participants per group.
 *
 * Why: the printed report is what the sponsor gets. Its note items carry the note's id, so the oracle
 * can name exactly which note is missing, doubled or out of place, whatever its text.
 */
import { JSDOM } from 'jsdom';
import { REPORT_WORDS, type ReportLang } from '../../../shared/report/index.ts';
import type { ListKey } from './expected.ts';
import { parseSplit } from './markdown.ts';
import { normal, type Placement, type ReportView } from './reportView.ts';

const NOTE_SECTIONS = ['agenda', 'clusters', 'elsewhere', 'actions'];
const LISTS: ListKey[] = ['commonGround', 'potentialProject', 'notAgreed', 'disagreements'];

/** The text of an element without the given descendants (e.g. the group inside a note's item). */
function textWithout(el: Element, selector: string): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(selector).forEach((x) => x.remove());
  return normal(copy.textContent ?? '');
}

/** The headings an element stands under inside its section: the last task heading (agenda) and
 * the last other heading (an area, a cluster), in document order before it. */
function headingOf(section: Element, li: Element): string {
  let task = '';
  let heading = '';
  // jsdom lists a selector group's matches selector by selector, so put them in document order.
  const marks = [...section.querySelectorAll('h3, h4, h5, p > strong:only-child, li[data-note-id]')].sort((a, b) =>
    a.compareDocumentPosition(b) & 4 /* b follows a */ ? -1 : 1,
  );
  for (const m of marks) {
    if (m === li) break;
    if (m.closest('li[data-note-id]')) continue;
    const text = normal(m.textContent ?? '');
    // A cluster's label is its h3 (a block per group below it may have headings of its own).
    if (section.id === 'agenda' && m.tagName === 'H3') {
      task = /^(\d+)\./.exec(text)?.[1] ?? '';
      heading = '';
    } else if (m.tagName !== 'LI' && (section.id !== 'clusters' || m.tagName === 'H3')) heading = text;
  }
  return section.id === 'agenda' ? `${task}. ${heading}` : heading;
}

/** Reads a report in HTML (in `lang`). */
export function readHtml(html: string, lang: ReportLang): ReportView {
  const w = REPORT_WORDS[lang];
  const doc = new JSDOM(html).window.document;
  const notes: Placement[] = [];
  for (const li of doc.querySelectorAll('li[data-note-id]')) {
    const section = li.closest('section[id]');
    const id = section?.id ?? '(no section)';
    const group = li.querySelector('span.group');
    notes.push({
      section: NOTE_SECTIONS.includes(id) ? id : `section "${id}"`,
      heading: section && id !== 'actions' ? headingOf(section, li) : '',
      text: group ? textWithout(li, 'span.group') : normal(li.textContent ?? ''),
      group: group ? normal(group.textContent ?? '').replace(/^[—–-]\s*/, '') || null : null,
      noteId: li.getAttribute('data-note-id') ?? '',
    });
  }
  // A clustered note without a group still names the "no group" block; an action card's text comes
  // first, then its owner and volunteers.
  const votes: ReportView['votes'] = [];
  const inOrder = [...doc.querySelectorAll('section#votes h3, section#votes tr')].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const el of inOrder) {
    if (el.tagName === 'H3') votes.push({ title: normal(el.textContent ?? ''), rows: [] });
    else {
      const cells = [...el.querySelectorAll('td')].map((td) => normal(td.textContent ?? ''));
      votes.at(-1)?.rows.push({ title: cells[0] ?? '', total: Number(/\d+/.exec(cells[1] ?? '')?.[0] ?? NaN), split: parseSplit(cells[2]) });
    }
  }
  const lists = {} as Record<ListKey, string[]>;
  for (const key of LISTS) {
    lists[key] = [...doc.querySelectorAll(`section#${key} .item`)].map((item) => normal(item.querySelector('strong')?.textContent ?? ''));
  }
  const participants = new Map<string, string[]>();
  for (const li of doc.querySelectorAll('section#participants li')) {
    const label = li.querySelector('strong, em');
    const text = normal(li.textContent ?? '');
    const names = text.slice(text.indexOf(': ') + 2);
    const name = normal(label?.textContent ?? '');
    const key = label?.tagName === 'EM' && name === w.withoutGroup ? '' : name;
    participants.set(key, [...(participants.get(key) ?? []), ...(names === w.nobody ? [] : names.split(', '))]);
  }
  return { notes, votes, lists, participants };
}
