/**
 * The always-visible connection state: connected, connecting, or offline with the number of local
 * changes not yet on the server.
 *
 * Why: on venue Wi-Fi people must know whether the room sees their notes, without being alarmed:
 * offline work is kept and sent when the network returns.
 */
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';

/** The connection state, with the count of changes not yet sent. */
export function ConnectionBadge() {
  const t = useT();
  const status = useStore((s) => s.status);
  const pending = useStore((s) => s.pending);
  const text = {
    connected: t('statusConnected'),
    connecting: t('statusConnecting'),
    syncing: t('statusSyncing'),
    reconnecting: t('statusReconnecting'),
    offline: t('statusOffline'),
  }[status];
  return (
    <span className={`status status-${status}`} role="status" aria-live="polite">
      {text}
      {pending > 0 && <span className="pending"> · {t('pendingChanges', pending)}</span>}
    </span>
  );
}
