/**
 * The facilitator's report and files: the printable report opens in a new tab at a one-time address,
 * and the Markdown, the notes CSV and the backup are downloaded; none of them puts the facilitator
 * token in an address.
 *
 * Why: an address with the token stays in the browser's history, shows in the address bar on the
 * projector and travels with a shared page; whoever has it runs the board. The server hands out a
 * one-time report address instead (POST with the token in a header), and files come by an
 * authenticated fetch as a download.
 */
import { useLangValue, useT } from '../i18n/i18n.ts';
import { notify } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { download } from '../tools/exportPicture.ts';

/**
 * Opens a new tab now, within the click (so no pop-up blocker stops it), and points it at the
 * one-time report address `mint` gives.
 */
export async function openReportTab(mint: () => Promise<string>, opening: string, failed: (err: unknown) => void): Promise<void> {
  const tab = window.open('', '_blank');
  if (tab) {
    tab.opener = null;
    tab.document.title = opening;
  }
  try {
    const url = await mint();
    if (tab) tab.location.href = url;
    else window.open(url, '_blank', 'noopener');
  } catch (err) {
    tab?.close();
    failed(err);
  }
}

/** The row of report and file buttons. */
export function ReportLinks() {
  const t = useT();
  const lang = useLangValue();
  const actions = useActions();
  const failed = (err: unknown) => notify(t('downloadFailed', (err as Error).message));

  const openReport = () => openReportTab(() => actions.reportLink('html', lang), t('reportOpening'), failed);
  const saveMarkdown = async () => {
    try {
      const a = document.createElement('a');
      a.href = await actions.reportLink('md', lang);
      a.download = '';
      document.body.append(a);
      a.click();
      a.remove();
    } catch (err) {
      failed(err);
    }
  };
  const saveFile = async (file: 'notes.csv' | 'backup.json') => {
    try {
      const { blob, name } = await actions.boardFile(file, lang);
      download(blob, name);
    } catch (err) {
      failed(err);
    }
  };

  return (
    <div className="row">
      <button type="button" className="button-link" onClick={() => void openReport()}>{t('reportHtml')}</button>
      <button type="button" className="button-link" onClick={() => void saveMarkdown()}>{t('reportMd')}</button>
      <button type="button" className="button-link" onClick={() => void saveFile('notes.csv')}>{t('notesCsv')}</button>
      <button type="button" className="button-link" onClick={() => void saveFile('backup.json')}>{t('backupJson')}</button>
    </div>
  );
}
