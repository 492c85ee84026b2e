/**
 * The toolbar: always-visible buttons for touch users (add note, add area, undo, redo, zoom), and
 * selection tools (colour, duplicate, connect, delete) when something is selected.
 *
 * Why: every command must be reachable without a keyboard, by finger, with an accessible name.
 */
import { useLangValue, useT } from '../i18n/i18n.ts';
import { ActionTools } from './ActionTools.tsx';
import { ClusterTools } from './ClusterTools.tsx';
import { Icon } from './icons.tsx';
import { useActions } from '../sync/sessionContext.ts';
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

/** The board's toolbar, and the selection bar above it while something is selected. */
export function Toolbar() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const canUndo = useStore((s) => s.canUndo);
  const canRedo = useStore((s) => s.canRedo);
  const selectedNotes = useStore((s) => s.selection.filter((id) => id in s.notes).length);
  const selectedAreas = useStore((s) => s.selection.filter((id) => id in s.areas).length);
  const anySelected = useStore((s) => s.selection.length > 0 || s.selectedConnector !== null);
  const connecting = useStore((s) => s.connectFrom !== null);
  const readOnly = useStore((s) => s.readOnly);
  const selectedConnector = useStore((s) => s.selectedConnector);
  const panel = useStore((s) => s.panel);

  return (
    <>
      {anySelected && !readOnly && (
        <div className="selection-bar" role="toolbar" aria-label={t('selectionTools')}>
          {selectedNotes > 0 && (
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
          )}
          {selectedNotes > 0 && <Button label={t('duplicate')} onClick={() => duplicateSelection(actions)}><Icon name="duplicate" /></Button>}
          {selectedNotes === 1 && (
            <Button label={t('connect')} onClick={toggleConnectMode} pressed={connecting}><Icon name="connect" /></Button>
          )}
          {selectedConnector && (
            <button type="button" className="tool" onPointerDown={(e) => e.preventDefault()} onClick={() => editConnector(selectedConnector)}>
              {t('editLabelButton')}
            </button>
          )}
          <ClusterTools />
          <ActionTools />
          {(selectedNotes > 0 || selectedAreas > 0 || selectedConnector) && (
            <Button label={t('deleteSelected')} onClick={() => deleteSelection(actions, lang)}><Icon name="trash" /></Button>
          )}
        </div>
      )}
      <div className="toolbar" role="toolbar" aria-label={t('boardTools')}>
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
        <Button label={t('groups')} onClick={() => togglePanel('groups')} pressed={panel === 'groups'}><Icon name="groups" /></Button>
        <Button label={t('clusters')} onClick={() => togglePanel('clusters')} pressed={panel === 'clusters'}><Icon name="cluster" /></Button>
        <Button label={t('vote')} onClick={() => togglePanel('vote')} pressed={panel === 'vote'}><Icon name="vote" /></Button>
        <Button label={t('commonGround')} onClick={() => togglePanel('commonGround')} pressed={panel === 'commonGround'}><Icon name="handshake" /></Button>
        <span className="sep" />
        <Button label={t('outline')} onClick={() => togglePanel('outline')} pressed={panel === 'outline'}><Icon name="list" /></Button>
        <Button label={t('people')} onClick={() => togglePanel('people')} pressed={panel === 'people'}><Icon name="people" /></Button>
        <Button label={t('help')} onClick={() => togglePanel('help')} pressed={panel === 'help'}><Icon name="help" /></Button>
      </div>
    </>
  );
}
