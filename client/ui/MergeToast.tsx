/**
 * The short note after a reconnect: what this device sent and what others changed meanwhile, with a
 * button that selects those notes and brings them into view.
 *
 * Why: offline work should visibly arrive, and the room's changes should be easy to find.
 */
import { useT } from '../i18n/i18n.ts';
import { dismissMergeSummary } from '../store/connection.ts';
import { useStore } from '../store/store.ts';
import { centerOn, select } from '../store/ui.ts';

export function MergeToast() {
  const t = useT();
  const summary = useStore((s) => s.mergeSummary);
  if (!summary) return null;
  const close = dismissMergeSummary;
  const show = () => {
    const notes = useStore.getState().notes;
    const ids = summary.changedIds.filter((id) => id in notes);
    select(ids);
    const first = ids[0] ? notes[ids[0]] : undefined;
    if (first) centerOn({ x: first.x + first.w / 2, y: first.y + first.h / 2 });
    close();
  };
  return (
    <div className="toast" role="status">
      <span>{t('mergeBack', summary.mine, summary.others)}</span>
      {summary.changedIds.length > 0 && (
        <button type="button" onClick={show}>
          {t('mergeShow')}
        </button>
      )}
      <button type="button" className="secondary" aria-label={t('close')} onClick={close}>
        ×
      </button>
    </div>
  );
}
