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
import { Toast } from './Toast.tsx';

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
  const buttons = summary.changedIds.length > 0 ? [{ label: t('mergeShow'), onClick: show }] : [];
  return <Toast message={t('mergeBack', summary.mine, summary.others)} buttons={buttons} onClose={close} role="status" />;
}
