/**
 * The facilitator's links: the participant link with its QR code (for tablets), the projector link,
 * how many screens are connected, and replacing a link that went too far.
 *
 * Why: during the day the facilitator must be able to hand out the right link fast, and to cut off a
 * link that leaked, without a new board.
 */
import { useEffect, useState } from 'react';
import type { Role } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { notify } from '../store/ui.ts';
import { useActions } from '../sync/sessionContext.ts';
import { JoinQr, useJoinUrl } from './JoinQr.tsx';
import { CsvImport, PictureExport } from './PictureExport.tsx';
import { ReportLinks } from './ReportLinks.tsx';

/** The facilitator's links, join code and QR, with the picture export and CSV import. */
export function ShareSection({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const actions = useActions();
  const [links, setLinks] = useState<Record<Role, string> | null>(null);
  const [counts, setCounts] = useState<Record<Role, number> | null>(null);
  const [version, setVersion] = useState(0);
  const joinUrl = useJoinUrl(boardId, token, version);
  useEffect(() => {
    let live = true;
    const load = () => {
      actions.links().then((l) => live && setLinks(l), (err: Error) => live && notify(t('linkError', err.message)));
      actions.connections().then((c) => live && setCounts(c), () => {});
    };
    load();
    const id = setInterval(() => actions.connections().then((c) => live && setCounts(c), () => {}), 10_000);
    return () => {
      live = false;
      clearInterval(id);
    };
  }, [actions, version, t]);
  const rotate = async (role: 'participant' | 'projector') => {
    if (!window.confirm(t('rotateConfirm', t(`role_${role}`)))) return;
    try {
      const { closed } = await actions.rotateLink(role);
      const c = await actions.connections();
      notify(t('rotated', t(`role_${role}`), closed));
      setCounts(c);
      setVersion((v) => v + 1);
    } catch (err) {
      notify(t('linkError', (err as Error).message));
    }
  };
  return (
    <section>
      <h3>{t('reportTitle')}</h3>
      <p className="hint">{t('reportHint')}</p>
      <ReportLinks />
      <p className="hint">{t('backupHint')}</p>
      <PictureExport />
      <CsvImport />
      <h3>{t('share')}</h3>
      {counts && <p className="hint">{t('connectedNow', counts.participant, counts.projector, counts.facilitator)}</p>}
      {joinUrl && <JoinQr url={joinUrl} label={t('joinHere')} size={150} />}
      {links &&
        (['participant', 'projector'] as const).map((role) => (
          <div key={role} className="share-link">
            <label>
              {t(`role_${role}`)}
              <input readOnly value={links[role]} onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" onClick={() => void rotate(role)}>{t('rotate')}</button>
          </div>
        ))}
    </section>
  );
}
