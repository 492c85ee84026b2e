/**
 * The toolbar: always-visible buttons for touch users (add note, add area, undo, redo, zoom), and
 * selection tools (colour, duplicate, connect, delete) when something is selected.
 *
 * Why: every command must be reachable without a keyboard, by finger, with an accessible name. Both
 * bars stand in one column at the bottom, the selection bar above the toolbar, so neither ever covers
 * the other; on a narrow screen each keeps one row and the tools with no room move into its "more"
 * popover (MoreMenu.tsx).
 */
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { ActionTools } from './ActionTools.tsx';
import { ClusterTools } from './ClusterTools.tsx';
import { Icon, type IconName } from './icons.tsx';
import { MoreIcon, MoreMenu, PHONE_MAX_WIDTH } from './MoreMenu.tsx';
import { ToolsOffLine } from './ParticipantTools.tsx';
import { useActions } from '../sync/sessionContext.ts';
import { setOverlaysShown, useOverlays } from '../store/overlays.ts';
import { useMayUse } from '../store/participantTools.ts';
import { useStore } from '../store/store.ts';
import { editConnector, togglePanel, zoomBy, zoomToFit } from '../store/ui.ts';
import {
  addAreaAtCenter,
  addNoteAtCenter,
  deleteSelection,
  duplicateSelection,
  PALETTE,
  recolorSelection,
  toggleConnectMode,
} from '../tools/commands.ts';

/** Width a bar takes on screen beyond its tools: its margins and padding, in CSS px. */
const BAR_CHROME = 44;
/** Width of one icon tool with the gap after it. */
const TOOL_WIDTH = 48;
/** Width of a separator with its margins and gap. */
const SEP_WIDTH = 13;
/** Below this screen width the selection bar keeps one row: colours and the named tools go in "more". */
const SELECTION_COMPACT_BELOW = 900;
/** Below this width (a landscape tablet) the colours go in "more", so the named tools (longer in
 * Dutch) keep one row: clustering and common ground are used far more often than recolouring. */
const SELECTION_COLOURS_BELOW = 1200;

/** A tool of the toolbar after "add note"; `group` sets where separators go. */
interface Tool {
  key: string;
  label: string;
  icon: IconName;
  onClick: () => void;
  group: number;
  disabled?: boolean;
  pressed?: boolean;
}

/** Which tools stay on the bar when not all fit, most wanted first. */
const KEEP_ORDER = ['undo', 'fit', 'area', 'redo', 'zoomIn', 'zoomOut', 'outline', 'help', 'groups', 'clusters', 'vote', 'commonGround', 'people'];

/**
 * The keys of the tools that stay on a bar `avail` px wide after `fixed` px of other buttons; all of
 * them when everything fits (with separators), else as many as fit beside a "more" button.
 */
function toolsThatFit(tools: readonly Tool[], avail: number, fixed: number): Set<string> {
  const groups = new Set(tools.map((t) => t.group)).size;
  const full = fixed + tools.length * TOOL_WIDTH + Math.max(0, groups - 1) * SEP_WIDTH;
  if (full <= avail) return new Set(tools.map((t) => t.key));
  let budget = avail - fixed - TOOL_WIDTH;
  const kept = new Set<string>();
  for (const key of KEEP_ORDER) {
    if (budget < TOOL_WIDTH) break;
    if (!tools.some((t) => t.key === key)) continue;
    kept.add(key);
    budget -= TOOL_WIDTH;
  }
  return kept;
}

function Button({ label, onClick, disabled, children, pressed }: { label: string; onClick: () => void; disabled?: boolean; children: React.ReactNode; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={label}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={pressed}
      // A mouse press does not take keyboard focus, so Space keeps panning the board afterwards.
      onPointerDown={(e) => e.preventDefault()}
    >
      {children}
    </button>
  );
}

/** The board's toolbar, the selection bar above it while something is selected, and `toasts` above both. */
export function Toolbar({ toasts }: { toasts?: ReactNode } = {}) {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  const readOnly = useStore((s) => s.readOnly);
  const panel = useStore((s) => s.panel);
  const overlaysShown = useOverlays((s) => s.shown);
  // Tools the facilitator switched off for participants are not shown.
  const mayAreas = useMayUse('areas');
  const mayClusters = useMayUse('clusters');
  const mayDots = useMayUse('dots');
  const width = useStore((s) => s.screen.w);
  const narrow = width <= PHONE_MAX_WIDTH;
  const primary = useRef<HTMLButtonElement>(null);
  const [primaryWidth, setPrimaryWidth] = useState(130);
  useLayoutEffect(() => {
    if (primary.current) setPrimaryWidth(primary.current.offsetWidth + 4);
  }, [lang, readOnly, narrow]);

  const tools: Tool[] = [
    ...(readOnly
      ? []
      : [
          ...(mayAreas ? [{ key: 'area', label: t('addArea'), icon: 'area', onClick: () => addAreaAtCenter(actions, lang), group: 0 } satisfies Tool] : []),
          { key: 'undo', label: t('undo'), icon: 'undo', onClick: actions.undo, disabled: !canUndo, group: 1 },
          { key: 'redo', label: t('redo'), icon: 'redo', onClick: actions.redo, disabled: !canRedo, group: 1 },
        ] satisfies Tool[]),
    { key: 'zoomOut', label: t('zoomOut'), icon: 'minus', onClick: () => zoomBy(1 / 1.25), group: 2 },
    { key: 'zoomIn', label: t('zoomIn'), icon: 'plus', onClick: () => zoomBy(1.25), group: 2 },
    { key: 'fit', label: t('zoomFit'), icon: 'fit', onClick: zoomToFit, group: 2 },
    { key: 'overlays', label: t('overlaysToggle'), icon: 'map', onClick: () => setOverlaysShown(!overlaysShown), pressed: overlaysShown, group: 2 },
    { key: 'groups', label: t('groups'), icon: 'groups', onClick: () => togglePanel('groups'), pressed: panel === 'groups', group: 3 },
    ...(mayClusters ? [{ key: 'clusters', label: t('clusters'), icon: 'cluster', onClick: () => togglePanel('clusters'), pressed: panel === 'clusters', group: 3 } satisfies Tool] : []),
    ...(mayDots ? [{ key: 'vote', label: t('vote'), icon: 'vote', onClick: () => togglePanel('vote'), pressed: panel === 'vote', group: 3 } satisfies Tool] : []),
    { key: 'commonGround', label: t('commonGround'), icon: 'handshake', onClick: () => togglePanel('commonGround'), pressed: panel === 'commonGround', group: 3 },
    { key: 'outline', label: t('outline'), icon: 'list', onClick: () => togglePanel('outline'), pressed: panel === 'outline', group: 4 },
    { key: 'people', label: t('people'), icon: 'people', onClick: () => togglePanel('people'), pressed: panel === 'people', group: 4 },
    { key: 'help', label: t('help'), icon: 'help', onClick: () => togglePanel('help'), pressed: panel === 'help', group: 4 },
  ];
  const kept = toolsThatFit(tools, width - BAR_CHROME, readOnly ? 0 : primaryWidth);
  const shown = tools.filter((tool) => kept.has(tool.key));
  const more = tools.filter((tool) => !kept.has(tool.key));

  return (
    <div className="bottom-bars">
      {/* The toasts stand in the same column, just above the bars: they cover neither each other, nor
          the bars, nor the top of the board where a framed task's area titles are. */}
      {toasts}
      <ToolsOffLine />
      <SelectionBar
        namedOnBar={width >= SELECTION_COMPACT_BELOW}
        paletteOnBar={width < SELECTION_COMPACT_BELOW ? !narrow : width >= SELECTION_COLOURS_BELOW}
      />
      <div className="toolbar" role="toolbar" aria-label={t('boardTools')}>
        {!readOnly && (
          // On a phone the button says it shorter ("+ Note"), so more tools keep their place beside it.
          <button ref={primary} type="button" className="tool primary" aria-label={narrow ? t('addNote') : undefined} onClick={() => addNoteAtCenter(actions)}>
            + {narrow ? t('addNoteShort') : t('addNote')}
          </button>
        )}
        {shown.map((tool, i) => (
          <Fragment key={tool.key}>
            {more.length === 0 && i > 0 && shown[i - 1]!.group !== tool.group && <span className="sep" />}
            <Button label={tool.label} onClick={tool.onClick} disabled={tool.disabled} pressed={tool.pressed}>
              <Icon name={tool.icon} />
            </Button>
          </Fragment>
        ))}
        {more.length > 0 && (
          <MoreMenu label={t('moreTools')} icon={<MoreIcon />}>
            {more.map((tool) => (
              <button key={tool.key} type="button" className="tool more-item" disabled={tool.disabled} aria-pressed={tool.pressed} onClick={tool.onClick}>
                <Icon name={tool.icon} /> {tool.label}
              </button>
            ))}
          </MoreMenu>
        )}
      </div>
    </div>
  );
}

/**
 * The tools for what is selected, on one row: the named tools (cluster, common ground, action card)
 * on the bar when `namedOnBar`, the colours when `paletteOnBar`; what is not on the bar is in "more".
 */
function SelectionBar({ namedOnBar, paletteOnBar }: { namedOnBar: boolean; paletteOnBar: boolean }) {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const selectedNotes = useStore((s) => s.selection.filter((id) => id in s.notes).length);
  const selectedAreas = useStore((s) => s.selection.filter((id) => id in s.areas).length);
  const selectedClusters = useStore((s) => s.selection.filter((id) => id in s.clusters).length);
  const anySelected = useStore((s) => s.selection.length > 0 || s.selectedConnector !== null);
  // While a note is typed in, the bar is away: a tap "elsewhere" to finish typing must never land on
  // Action card, Delete or a cluster button. It is back once the note is only selected.
  const typing = useStore((s) => s.editingNote !== null);
  const connecting = useStore((s) => s.connectFrom !== null);
  const readOnly = useStore((s) => s.readOnly);
  const selectedConnector = useStore((s) => s.selectedConnector);
  const mayConnect = useMayUse('connectors');
  const mayAreas = useMayUse('areas');
  if (!anySelected || readOnly || typing) return null;

  const palette = selectedNotes > 0 && (
    <span className="palette" role="group" aria-label={t('colours')}>
      {PALETTE.map((c, i) => (
        <button
          key={c}
          type="button"
          className="swatch"
          style={{ background: c }}
          aria-label={t('colour', t('colourNames').split(',')[i] ?? c)}
          title={t('colour', t('colourNames').split(',')[i] ?? c)}
          onPointerDown={(e) => e.preventDefault()}
          onClick={() => recolorSelection(actions, c)}
        />
      ))}
    </span>
  );
  const named = (
    <>
      <ClusterTools />
      <ActionTools />
    </>
  );
  return (
    <div className={namedOnBar ? 'selection-bar' : 'selection-bar compact'} role="toolbar" aria-label={t('selectionTools')}>
      {paletteOnBar && palette}
      {selectedNotes > 0 && <Button label={t('duplicate')} onClick={() => duplicateSelection(actions)}><Icon name="duplicate" /></Button>}
      {selectedNotes === 1 && mayConnect && (
        <Button label={t('connect')} onClick={toggleConnectMode} pressed={connecting}><Icon name="connect" /></Button>
      )}
      {selectedConnector && mayConnect && (
        <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => editConnector(selectedConnector)}>
          {t('editLabelButton')}
        </button>
      )}
      {namedOnBar && named}
      {(selectedNotes > 0 || (selectedAreas > 0 && mayAreas) || (selectedConnector && mayConnect)) && (
        <Button label={t('deleteSelected')} onClick={() => deleteSelection(actions, lang)}><Icon name="trash" /></Button>
      )}
      {((!namedOnBar && selectedNotes + selectedClusters > 0) || (!paletteOnBar && selectedNotes > 0)) && (
        <MoreMenu label={t('moreSelectionTools')} icon={<MoreIcon />}>
          {!paletteOnBar && palette}
          {!namedOnBar && named}
        </MoreMenu>
      )}
    </div>
  );
}
