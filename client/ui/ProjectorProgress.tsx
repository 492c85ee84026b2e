/**
 * The tables' progress on the projector, while the facilitator switches it on: how many tables are
 * ready, and a tile per table with its name, a large ready mark, its notes this task and the dots it
 * has left; the people's names only while they fit (counts alone in a crowded room).
 *
 * Why: the room sees which tables are still working without anyone calling out; the facilitator's
 * laptop stays free for the day's frame. Type of 28 px and more reads from 10 m on a full-HD screen.
 * Tiles keep the board's order, so each table finds its own.
 */
import { useMemo } from 'react';
import { areaName, readyCount } from '../../shared/index.ts';
import { freeRegions } from '../canvas/projectorLayout.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useProjector } from '../store/projector.ts';
import { tablesProgress } from '../store/progress.ts';
import { useStore } from '../store/store.ts';
import './progress.css';

/** Above this many tables, or people at one table, tiles show counts instead of names. */
const NAMES_UP_TO_TABLES = 6;
const NAMES_UP_TO_PEOPLE = 8;
/** Above this many tables the type is a little smaller, so forty tables still fit. */
const SMALLER_ABOVE_TABLES = 12;
/** The tallest a tile grows, px (with a few tables the screen is not filled with empty tiles). */
const TILE_MAX_HEIGHT = 300;

/** Columns for `n` tiles in a region of this shape (wider regions, more columns). */
function columns(n: number, region: { w: number; h: number }): number {
  const aspect = Math.max(0.5, region.w / Math.max(1, region.h));
  return Math.max(1, Math.min(n, Math.ceil(Math.sqrt(n * aspect * 0.9))));
}

/** The progress over the projector's canvas, while it is switched on. */
export function ProjectorProgress() {
  const t = useT();
  const lang = useLangValue();
  const on = useStore((s) => s.me.role === 'projector' && s.facilitation.projectorProgress);
  const tables = useStore(tablesProgress);
  const screen = useStore((s) => s.screen);
  const reserved = useProjector((s) => s.reserved);
  const region = useMemo(() => freeRegions(screen, reserved).sort((a, b) => b.w * b.h - a.w * a.h)[0]!, [screen, reserved]);
  if (!on) return null;
  const names = tables.length <= NAMES_UP_TO_TABLES && tables.every((x) => x.people.length <= NAMES_UP_TO_PEOPLE);
  const crowded = tables.length > SMALLER_ABOVE_TABLES;
  const cols = columns(tables.length, region);
  // Tiles share the height, but a few tables do not stretch into towers.
  const rows = Math.max(1, Math.ceil(tables.length / Math.max(1, cols)));
  return (
    <section className={crowded ? 'projector-progress is-crowded' : 'projector-progress'} aria-label={t('projectorProgressTitle')}>
      <div className="projector-progress-content" style={{ left: region.x, top: region.y, width: region.w, height: region.h }}>
        <h2>
          <span>{t('projectorProgressTitle')}</span>
          {tables.length > 0 && <span className="projector-progress-count">{t('progressReadyCount', readyCount(tables), tables.length)}</span>}
        </h2>
        {tables.length === 0 ? (
          <p className="projector-progress-none">{t('progressNoTables')}</p>
        ) : (
          <ul className="projector-progress-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, maxHeight: rows * TILE_MAX_HEIGHT }}>
            {tables.map((table) => (
              <li key={table.area.id} className={table.ready ? 'is-ready' : undefined} data-table={table.area.id}>
                <div className="projector-progress-head">
                  <span className="projector-progress-name">{areaName(table.area, lang)}</span>
                  <span className="projector-progress-mark">{table.ready ? `✓ ${t('progressReady')}` : t('progressNotReady')}</span>
                </div>
                {names && table.people.length > 0 && <p className="projector-progress-people">{table.people.map((p) => p.name).join(', ')}</p>}
                <p className="projector-progress-figures">
                  <span>{table.people.length === 0 ? t('progressNobody') : t('progressPeople', table.people.length)}</span>
                  <span>{t('progressNotes', table.notes)}</span>
                  {table.dotsLeft !== null && <span>{t('progressDotsLeft', table.dotsLeft)}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
