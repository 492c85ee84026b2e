/**
 * The projector's summary, shown instead of the canvas when a task (or the whole board) has more
 * notes than can be drawn readably: per area (or per task) its name and note count, its clusters
 * with their sizes, and its busiest notes (most dots) as large cards. Otherwise, the backdrop
 * around the window that shows the framed content.
 *
 * Why: a wall of notes in 9 px type tells the back of the room nothing; names in 36 px, counts and
 * the notes that got the most dots in 26 px can be read from 10 m. It fills the part of the screen
 * the join card leaves free.
 */
import { useMemo } from 'react';
import { freeRegions } from '../canvas/projectorLayout.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useProjector } from '../store/projector.ts';
import { useStore } from '../store/store.ts';
import { summaryColumns, summarySections } from '../tools/projectorSummary.ts';

/** The summary over the canvas, while the projector shows one. */
export function ProjectorSummary() {
  const t = useT();
  const lang = useLangValue();
  const of = useProjector((s) => s.summary);
  const shown = useProjector((s) => s.window);
  const reserved = useProjector((s) => s.reserved);
  const screen = useStore((s) => s.screen);
  // What the sections are made of (not the viewport or other people's cursors).
  const notes = useStore((s) => s.notes);
  const areas = useStore((s) => s.areas);
  const clusters = useStore((s) => s.clusters);
  const dots = useStore((s) => s.dots);
  const votes = useStore((s) => s.votes);
  const facilitation = useStore((s) => s.facilitation);
  // The largest part of the screen the join card leaves free.
  const region = useMemo(() => freeRegions(screen, reserved).sort((a, b) => b.w * b.h - a.w * a.h)[0]!, [screen, reserved]);
  const sections = useMemo(
    () => (of ? summarySections(useStore.getState(), of, lang, region) : []),
    [of, lang, region, notes, areas, clusters, dots, votes, facilitation],
  );
  if (!of) {
    // Around the framed content a plain backdrop: the neighbours' notes would be too small to read.
    return shown ? <div className="projector-window" aria-hidden="true" style={{ left: shown.x, top: shown.y, width: shown.w, height: shown.h }} /> : null;
  }
  const cols = summaryColumns(sections.length, region);
  return (
    // It covers the whole canvas (no half-hidden notes beside it); its content keeps clear of the card.
    <section className="projector-summary" aria-label={t('projectorSummary')}>
      <div className="projector-summary-content" style={{ left: region.x, top: region.y, width: region.w, height: region.h }}>
        {sections.some((sec) => sec.top.length < sec.count) && <p className="projector-summary-hint">{t('projectorSummaryHint')}</p>}
        <div className="projector-summary-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
          {sections.map((sec) => (
            <article key={sec.key} className="projector-section">
              <h2>
                <span className="projector-section-title">{sec.title || t('projectorElsewhere')}</span>
                <span className="projector-count">{sec.count === 0 ? t('projectorNoNotes') : t('projectorNotes', sec.count)}</span>
              </h2>
              {sec.clusters.length > 0 && (
                <ul className="projector-clusters">
                  {sec.clusters.map((c) => (
                    <li key={c.id}>
                      <span className="projector-cluster-label">{c.label || t('clusterDefault')}</span> <span className="projector-count">{c.count}</span>
                    </li>
                  ))}
                </ul>
              )}
              {sec.top.length > 0 && (
                <ul className="projector-notes">
                  {sec.top.map((n) => (
                    <li key={n.id} style={{ background: n.color }}>
                      <span className="projector-note-text">{n.text}</span>
                      {n.dots > 0 && <span className="projector-dots">{t('projectorDots', n.dots)}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </div>
      </div>
    </section>
  );
}
