/**
 * Small in-place editors: an area's name (over its title) and a connector's label (at its middle).
 *
 * Why: renaming must happen where the name is, with Enter to keep and Escape to cancel, on touch too.
 */
import { useState } from 'react';
import { areaName } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useActions } from '../sync/sessionContext.ts';
import { useStore } from '../store/store.ts';
import { editArea, editConnector } from '../store/ui.ts';

interface InlineInputProps {
  initial: string;
  label: string;
  style: React.CSSProperties;
  onDone: (value: string | null) => void;
}

/** A one-line input that takes the focus: Enter or leaving it keeps the value, Escape cancels (null). */
export function InlineInput({ initial, label, style, onDone }: InlineInputProps) {
  const [value, setValue] = useState(initial);
  return (
    <input
      className="inline-editor"
      aria-label={label}
      autoFocus
      value={value}
      maxLength={120}
      style={style}
      onChange={(e) => setValue(e.target.value)}
      onFocus={(e) => e.target.select()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') onDone(value);
        if (e.key === 'Escape') onDone(null);
      }}
      onBlur={() => onDone(value)}
    />
  );
}

/** The name editor of the area being renamed (`editingArea`), over its title bar. */
export function AreaNameEditor() {
  const id = useStore((s) => s.editingArea);
  const area = useStore((s) => (s.editingArea ? s.areas[s.editingArea] : undefined));
  const v = useStore((s) => s.viewport);
  const actions = useActions();
  const t = useT();
  const lang = useLangValue();
  if (!id || !area) return null;
  return (
    <InlineInput
      key={id}
      initial={areaName(area, lang)}
      label={t('rename')}
      style={{ left: area.x * v.scale + v.x, top: area.y * v.scale + v.y, width: Math.max(160, area.w * v.scale) }}
      onDone={(value) => {
        if (value !== null) actions.renameArea(id, value);
        editArea(null);
      }}
    />
  );
}

/** The label editor of the connector being edited (`editingConnector`), at the middle of its arrow. */
export function ConnectorLabelEditor() {
  const id = useStore((s) => s.editingConnector);
  const c = useStore((s) => (s.editingConnector ? s.connectors[s.editingConnector] : undefined));
  const from = useStore((s) => (c ? s.notes[c.from] : undefined));
  const to = useStore((s) => (c ? s.notes[c.to] : undefined));
  const v = useStore((s) => s.viewport);
  const actions = useActions();
  const t = useT();
  if (!id || !c || !from || !to) return null;
  const mx = ((from.x + from.w / 2 + to.x + to.w / 2) / 2) * v.scale + v.x;
  const my = ((from.y + from.h / 2 + to.y + to.h / 2) / 2) * v.scale + v.y;
  return (
    <InlineInput
      key={id}
      initial={c.label}
      label={t('editLabel')}
      style={{ left: mx - 100, top: my - 18, width: 200 }}
      onDone={(value) => {
        if (value !== null) actions.setConnectorLabel(id, value);
        editConnector(null);
      }}
    />
  );
}
