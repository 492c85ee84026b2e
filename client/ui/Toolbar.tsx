/**
 * The toolbar: always-visible buttons for touch users (add note, add area, undo, redo, zoom), and
 * selection tools (colour, duplicate, connect, delete) when something is selected.
 *
 * Why: every command must be reachable without a keyboard, by finger, with an accessible name.
 */
import { useLangValue, useT } from '../i18n/i18n.ts';
import { Icon } from './icons.tsx';
import { useActions } from '../sync/sessionContext.ts';
import { useStore } from '../store/store.ts';
import { togglePanel, zoomBy, zoomToFit } from '../store/ui.ts';
import {
  addAreaAtCenter,
  addNoteAtCenter,
  deleteSelection,
  duplicateSelection,
  PALETTE,
  recolorSelection,
  startConnect,
} from '../tools/commands.ts';

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

export function Toolbar() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  const selectedNotes = useStore((s) => s.selection.filter((id) => id in s.notes).length);
  const anySelected = useStore((s) => s.selection.length > 0 || s.selectedConnector !== null);
  const connecting = useStore((s) => s.connectFrom !== null);
  const readOnly = useStore((s) => s.readOnly);

  return (
    <>
      {anySelected && !readOnly && (
        <div className="selection-bar" role="toolbar" aria-label="Selection">
          {selectedNotes > 0 && (
            <span className="palette" role="group" aria-label="Colours">
              {PALETTE.map((c) => (
                <button
                  key={c}
                  type="button"
                  className="swatch"
                  style={{ background: c }}
                  aria-label={t('colour', c)}
                  title={t('colour', c)}
                  onClick={() => recolorSelection(actions, c)}
                />
              ))}
            </span>
          )}
          {selectedNotes > 0 && <Button label={t('duplicate')} onClick={() => duplicateSelection(actions)}><Icon name="duplicate" /></Button>}
          {selectedNotes === 1 && (
            <Button label={t('connect')} onClick={startConnect} pressed={connecting}><Icon name="connect" /></Button>
          )}
          <Button label={t('deleteSelected')} onClick={() => deleteSelection(actions, lang)}><Icon name="trash" /></Button>
        </div>
      )}
      <div className="toolbar" role="toolbar" aria-label="Board tools">
        {!readOnly && (
          <>
            <button type="button" className="tool primary" onClick={() => addNoteAtCenter(actions)}>
              + {t('addNote')}
            </button>
            <Button label={t('addArea')} onClick={() => addAreaAtCenter(actions, lang)}><Icon name="area" /></Button>
            <span className="sep" />
            <Button label={t('undo')} onClick={actions.undo} disabled={!canUndo}><Icon name="undo" /></Button>
            <Button label={t('redo')} onClick={actions.redo} disabled={!canRedo}><Icon name="redo" /></Button>
            <span className="sep" />
          </>
        )}
        <Button label={t('zoomOut')} onClick={() => zoomBy(1 / 1.25)}><Icon name="minus" /></Button>
        <Button label={t('zoomIn')} onClick={() => zoomBy(1.25)}><Icon name="plus" /></Button>
        <Button label={t('zoomFit')} onClick={zoomToFit}><Icon name="fit" /></Button>
        <span className="sep" />
        <Button label={t('outline')} onClick={() => togglePanel('outline')}><Icon name="list" /></Button>
        <Button label={t('people')} onClick={() => togglePanel('people')}><Icon name="people" /></Button>
        <Button label={t('help')} onClick={() => togglePanel('help')}><Icon name="help" /></Button>
      </div>
    </>
  );
}
