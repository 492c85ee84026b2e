/**
 * Saving a picture of the board (the whole board, what is on screen, or the selected area; as PNG at
 * 1x, 2x or 4x, or SVG for print), and bringing notes in from a CSV file into the selected area.
 *
 * Why: at the end of the day the facilitator wants the wall on a slide and on paper.
 */
import { useState } from 'react';
import { useLangValue, useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { areaName, ValidationError } from '../../shared/index.ts';
import { modelErrorText } from '../i18n/modelErrors.ts';
import { notify, visibleBoardRect } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { download, fileName, svgToPng } from '../tools/exportPicture.ts';
import { FileButton } from './FileButton.tsx';

/** Notes from a CSV file (a survey's answers) into the selected area. */
export function CsvImport() {
  const t = useT();
  const actions = useActions();
  const area = useStore((s) => (s.selection.length === 1 ? s.areas[s.selection[0]!] : undefined));
  const me = useStore((s) => s.me.id);
  const lang = useLangValue();
  return (
    <FileButton
      text={t('chooseCsvFile')}
      accept=".csv,text/csv"
      disabled={!area}
      onFile={async (file) => {
        if (!area) return;
        const text = await file.text();
        try {
          notify(t('imported', await actions.importCsv(area.id, text, me)));
        } catch (err) {
          if (!(err instanceof ValidationError)) throw err;
          notify(modelErrorText(err));
        }
      }}
    >
      <span className="file-button-context">{area ? t('importInto', areaName(area, lang) || t('untitledArea')) : t('importSelectArea')}</span>
    </FileButton>
  );
}

export function PictureExport() {
  const t = useT();
  const actions = useActions();
  const area = useStore((s) => (s.selection.length === 1 ? s.areas[s.selection[0]!] : undefined));
  const title = useStore((s) => s.meta?.title ?? '');
  const lang = useLangValue();
  const [scope, setScope] = useState<'board' | 'view' | 'area'>('board');
  const [scale, setScale] = useState(2);
  const save = async (format: 'png' | 'svg') => {
    const rect = scope === 'view' ? visibleBoardRect() : scope === 'area' && area ? area : undefined;
    const svg = await actions.boardSvg(rect, lang);
    const name = fileName(title, scope === 'area' && area ? areaName(area, lang) || 'area' : scope);
    try {
      if (format === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
      else download(await svgToPng(svg, scale), `${name}.png`);
    } catch (err) {
      notify(t('pictureFailed', (err as Error).message));
    }
  };
  return (
    <div className="row" role="group" aria-label={t('picture')}>
      <select aria-label={t('picture')} value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
        <option value="board">{t('pictureBoard')}</option>
        <option value="view">{t('pictureScreen')}</option>
        <option value="area" disabled={!area}>{t('pictureArea')}</option>
      </select>
      <select aria-label={t('pictureScale')} value={scale} onChange={(e) => setScale(Number(e.target.value))}>
        {[1, 2, 4].map((k) => (
          <option key={k} value={k}>{k}×</option>
        ))}
      </select>
      <button type="button" onClick={() => void save('png')}>PNG</button>
      <button type="button" onClick={() => void save('svg')}>SVG</button>
    </div>
  );
}
