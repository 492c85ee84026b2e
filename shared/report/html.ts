/**
 * The conference report as one printable HTML page: inline styles only, no script, every piece of
 * people's text escaped.
 *
 * Why: the facilitator prints it or hands it to the sponsor as a file. It is served with a strict
 * Content-Security-Policy (no scripts at all), and escaping here means a note saying `<script>` or
 * `<img onerror=...>` is shown as those characters, never run.
 */
import type { Report, ReportItem } from './buildReport.ts';
import type { ReportAction, ReportNote } from './noteSections.ts';
import { formatDateTime } from './dates.ts';
import { counted, coverageWords, word, type ReportLang } from './words.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLOR = /^#[0-9a-f]{6}$/i;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1d232b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { margin-top: 2rem; border-bottom: 2px solid #d9d3c6; }
h3 { margin-bottom: 0.3rem; } .meta, .muted { color: #5d6875; } .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.3em; vertical-align: baseline; }
.item { margin: 0.6rem 0; } .stance { display: inline-block; margin: 0.1rem 0.3rem 0.1rem 0; padding: 0 0.45rem; border-radius: 999px; border: 1px solid #c9d2dc; font-size: 0.85rem; }
.agree { background: #d7f0dc; } .disagree { background: #f7d4d4; } .unsure { background: #fff0c2; }
.group { color: #5d6875; font-style: italic; } .cluster .group { display: none; } h4 { margin: 0.8rem 0 0.2rem; }
.warning { color: #7a1a1a; font-weight: 600; } table { border-collapse: collapse; } td, th { padding: 0.2rem 0.6rem; border-bottom: 1px solid #eef0f2; text-align: left; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } .item { break-inside: avoid; } }
`;

/** The report as a complete HTML page, with its headings in `lang` and, if given, pictures of the board
 * (SVG documents, embedded as images: an image's scripts never run). */
export function reportHtml(report: Report, lang: ReportLang, pictures: ReadonlyArray<{ caption: string; svg: string }> = []): string {
  const w = (key: Parameters<typeof word>[1], ...args: (string | number)[]) => escapeHtml(word(lang, key, ...args));
  const e = escapeHtml;
  const date = (ms: number) => e(formatDateTime(ms, lang, { timeZone: report.timeZone, zoneName: true }));
  const ul = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="muted">${w('none')}</p>`);
  const swatch = (color: string) => (COLOR.test(color) ? `<span class="swatch" style="background:${color}"></span>` : '');
  const parts: string[] = [];

  parts.push(`<h1>${e(report.title)}</h1>`, `<p class="meta">${w('report')} · ${w('created')}: ${date(report.createdAt)} · ${w('generated')}: ${date(report.generatedAt)}</p>`);

  for (const p of pictures) {
    const src = `data:image/svg+xml;base64,${base64(p.svg)}`;
    parts.push(`<figure><img src="${src}" alt="${e(p.caption)}" style="max-width:100%;height:auto;border:1px solid #d9d3c6"><figcaption class="muted">${e(p.caption)}</figcaption></figure>`);
  }

  const section = (id: string, heading: string, body: string[]) => parts.push(`<section id="${id}">`, `<h2>${heading}</h2>`, ...body, '</section>');
  const none = `<p class="muted">${w('none')}</p>`;
  const notes = (list: ReportNote[]) => `<ul class="notes">${list.map(noteHtml).join('')}</ul>`;

  const people = report.groups.map(
    (g) => `${swatch(g.color)}<strong>${e(g.name)}</strong> <span class="muted">(${counted(lang, 'notes', g.notes)})</span>: ${g.people.length ? g.people.map(e).join(', ') : `<span class="muted">${w('nobody')}</span>`}`,
  );
  if (report.withoutGroup.length) people.push(`<em>${w('withoutGroup')}</em>: ${report.withoutGroup.map(e).join(', ')}`);
  section('participants', w('participants'), [ul(people)]);

  if (report.tasks.length) {
    section(
      'agenda',
      w('agenda'),
      report.tasks.flatMap((task, i) => [
        `<h3>${i + 1}. ${e(task.title)}${task.current ? ` <span class="muted">(${w('current')})</span>` : ''}</h3>`,
        `<p>${e(task.instruction)}</p>`,
        ...task.areas.filter((a) => a.notes.length).flatMap((a) => [`<h4>${e(a.name)}</h4>`, notes(a.notes)]),
      ]),
    );
  }

  section(
    'clusters',
    w('clusters'),
    report.clusters.length
      ? report.clusters.map((c) => {
          const total = c.present.length + c.missing.length;
          const coverage = total ? `<p class="muted">${e(coverageWords(lang, c.present.length, total))}${c.missing.length ? ` · ${w('missing', c.missing.join(', '))}` : ''}</p>` : '';
          const byGroup = c.byGroup.map((g) => `<li><strong>${e(g.group)}</strong>${notes(g.notes)}</li>`).join('');
          return [`<div class="item cluster"><h3>${e(c.label)}</h3>`, coverage, byGroup && `<ul>${byGroup}</ul>`, '</div>'].filter(Boolean).join('\n');
        })
      : [none],
  );

  const { areas, outside } = report.elsewhere;
  section('elsewhere', w('elsewhere'), [
    areas.length || outside.length ? `<p class="muted">${w('elsewhereIntro')}</p>` : none,
    ...areas.flatMap((a) => [`<h3>${e(a.name)}</h3>`, notes(a.notes)]),
    ...(outside.length ? [`<h3>${w('notInAnyArea')}</h3>`, notes(outside)] : []),
  ]);

  section(
    'votes',
    w('votes'),
    report.votes.length
      ? report.votes.flatMap((v) => {
          const rows = v.rows.map((r) => `<tr><td>${e(r.title)}</td><td>${counted(lang, 'dots', r.total)}</td><td>${r.split.map((s) => `${e(s.group)} ${s.count}`).join(', ')}</td></tr>`);
          return [`<h3>${e(v.title) || w('votes')}${v.open ? ` <span class="muted">(${w('stillOpen')})</span>` : ''}</h3>`, rows.length ? `<table>${rows.join('')}</table>` : none];
        })
      : [none],
  );

  for (const key of ['commonGround', 'potentialProject', 'notAgreed', 'disagreements'] as const) {
    const entries = report.lists[key];
    section(key, w(key), entries.length ? entries.map((item) => itemHtml(item, lang)) : [none]);
  }

  const action = (a: ReportAction) =>
    `<li data-note-id="${e(a.id)}"><strong>${e(a.text)}</strong>${groupHtml(a.group)} · ${w('owner')}: ${e(a.owner) || '—'} · ${w('volunteers')}: ${a.volunteers.length ? a.volunteers.map(e).join(', ') : '—'}</li>`;
  section('actions', w('actions'), [report.actions.length ? `<ul class="notes">${report.actions.map(action).join('')}</ul>` : none]);

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)} · ${w('report')}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}

/** A note in a note section: its text first, then its group; tools find it by `data-note-id` (see docs/outputs.md). */
function noteHtml(note: ReportNote): string {
  return `<li data-note-id="${escapeHtml(note.id)}">${escapeHtml(note.text)}${groupHtml(note.group)}</li>`;
}

function groupHtml(group: string): string {
  return group ? `<span class="group"> — ${escapeHtml(group)}</span>` : '';
}

function itemHtml(item: ReportItem, lang: ReportLang): string {
  const stances = item.stances
    .map((s) => `<span class="stance ${s.stance ?? ''}">${escapeHtml(s.group)}: ${escapeHtml(word(lang, s.stance ?? 'unmarked'))}</span>`)
    .join('');
  const notes = item.notes.length ? `<ul>${item.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const contested = item.contested ? ` <span class="warning">${escapeHtml(word(lang, 'contested'))}</span>` : '';
  return `<div class="item"><strong>${escapeHtml(item.title)}</strong>${contested}<div>${stances}</div>${notes}</div>`;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
