/**
 * The projector's corner: the QR code and short URL for joining as a participant, in large type.
 *
 * Why: the projector is where the room looks; whoever arrives late or switches devices joins from
 * there, without asking the facilitator for a link.
 */
import { useT } from '../i18n/i18n.ts';
import { useStore } from '../store/store.ts';
import { JoinQr, useJoinUrl } from './JoinQr.tsx';

/** On the projector: the QR code and short address to join the board from a tablet. */
export function ProjectorJoin({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  // Asked again when the screen reconnects (a rotated participant link gets a new code).
  const synced = useStore((s) => s.synced);
  const url = useJoinUrl(boardId, token, synced);
  if (!url) return null;
  return (
    <div className="projector-join">
      <JoinQr url={url} label={t('joinHere')} size={200} />
    </div>
  );
}
