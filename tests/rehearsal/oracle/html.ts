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

const isNote = (el: Element) => el.tagName === 'LI' && el.hasAttribute('data-note-id');
const isHeading = (el: Element) =>
  /^H[345]$/.test(el.tagName) || (el.tagName === 'STRONG' && el.parentElement?.tagName === 'P' && el.parentElement.childElementCount === 1);

/**
 * The notes of one section, each with the heading it stands under, in one walk in document order:
 * the last task heading (agenda: "<no>. <area>") and the last other heading (an area, a cluster's
 * label). A tree walker and tag checks, not selectors or live collections: those are slow in jsdom
 * on a day's thousands of notes.
 */
function notesIn(section: Element, into: Placement[]): void {
  const id = section.id;
  let task = '';
  let heading = '';
  let note: { el: Element; all: string; heading: string; group: string | null } | null = null;
  const flush = () => {
    if (!note) return;
    const { el, all, group } = note;
    into.push({
      section: NOTE_SECTIONS.includes(id) ? id : `section "${id}"`,
      heading: note.heading,
      text: group === null ? all : normal(all.slice(0, all.lastIndexOf(group))),
      group: group === null ? null : group.replace(/^[—–-]\s*/, '') || null,
      noteId: el.getAttribute('data-note-id') ?? '',
    });
    note = null;
  };
  const walker = section.ownerDocument.createTreeWalker(section, 1 /* elements */);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (note && note.el.contains(el)) {
      if (note.group === null && el.tagName === 'SPAN' && el.classList.contains('group')) note.group = normal(el.textContent ?? '');
      continue;
    }
    flush();
    if (isNote(el)) {
      note = { el, all: normal(el.textContent ?? ''), heading: id === 'actions' ? '' : id === 'agenda' ? `${task}. ${heading}` : heading, group: null };
      continue;
    }
    if (!isHeading(el)) continue;
    const text = normal(el.textContent ?? '');
    // A cluster's label is its h3 (a block per group below it may have headings of its own).
    if (id === 'agenda' && el.tagName === 'H3') {
      task = /^(\d+)\./.exec(text)?.[1] ?? '';
      heading = '';
    } else if (id !== 'clusters' || el.tagName === 'H3') heading = text;
  }
  flush();
}

/** Reads a report in HTML (in `lang`). */
export function readHtml(html: string, lang: ReportLang): ReportView {
  const w = REPORT_WORDS[lang];
  const doc = new JSDOM(html).window.document;
  const notes: Placement[] = [];
  for (const section of doc.querySelectorAll('section[id]')) notesIn(section, notes);
  // A note item outside every section is still a note the report shows, in no note section.
  const items = doc.querySelectorAll('li[data-note-id]');
  for (const li of items.length > notes.length ? items : []) {
    if (!li.closest('section[id]')) {
      notes.push({ section: '(no section)', heading: '', text: normal(li.textContent ?? ''), group: null, noteId: li.getAttribute('data-note-id') ?? '' });
    }
  }
  const votes: ReportView['votes'] = [];
  for (const el of doc.querySelector('section#votes')?.getElementsByTagName('*') ?? []) {
    if (el.tagName !== 'H3' && el.tagName !== 'TR') continue;
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
