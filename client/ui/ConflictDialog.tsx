/**
 * Asks what to do with this device's copy of a board that was restored or recreated (or is gone):
 * keep my notes as new ones, or discard the copy. And when the server refused a change from this
 * device: send it under the facilitator's link, if this device has it, or start again from the
 * server's board, adding back my notes it never received.
 *
 * Why: nothing a person made is lost silently, and nothing deleted comes back silently.
 */
import { useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLOSE, type Note } from '../../shared/index.ts';
import { useT } from '../i18n/i18n.ts';
import { resolveConflict } from '../sync/epochGate.ts';
import { recentBoards } from '../store/recentBoards.ts';
import { useStore } from '../store/store.ts';
import { useModal } from './useModal.ts';

const NONE: never[] = [];

/** The server's reasons for refusing a change, in the page's language. */
type ReasonKey = 'reasonForbiddenWrite' | 'reasonNotYourDot' | 'reasonNotYourCluster' | 'reasonNotYourPerson' | 'reasonNotYourName' | 'reasonNotYourClient' | 'reasonInvalidUpdate' | 'reasonToolSwitchedOff';
const REASONS: Readonly<Record<string, ReasonKey>> = {
  [CLOSE.forbiddenWrite.reason]: 'reasonForbiddenWrite',
  [CLOSE.notYourDot.reason]: 'reasonNotYourDot',
  [CLOSE.notYourCluster.reason]: 'reasonNotYourCluster',
  [CLOSE.notYourPerson.reason]: 'reasonNotYourPerson',
  [CLOSE.notYourName.reason]: 'reasonNotYourName',
  [CLOSE.notYourClient.reason]: 'reasonNotYourClient',
  [CLOSE.invalidUpdate.reason]: 'reasonInvalidUpdate',
  [CLOSE.toolSwitchedOff.reason]: 'reasonToolSwitchedOff',
};

/** A question that must be answered: a modal without Escape (nothing else can be done meanwhile). */
function AlertDialog({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useModal(ref);
  return (
    <div className="dialog-backdrop">
      <section className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" aria-describedby="conflict-body" ref={ref}>
        {children}
      </section>
    </div>
  );
}

/** The dialog shown while this device's copy of board `boardId` cannot be merged or sent. */
export function ConflictDialog({ boardId }: { boardId: string }) {
  const t = useT();
  const conflict = useStore((s) => s.conflict);
  const [failed, setFailed] = useState(false);
  // Read only while the question is asked: on every store change of a big board it would cost.
  const mine = useStore(useShallow((s) => (s.conflict ? Object.values(s.notes).filter((n) => n.authorId === s.me.id) : NONE)));
  if (!conflict) return null;
  if (conflict === 'refused') return <RefusedDialog boardId={boardId} mine={mine} />;
  return (
    <AlertDialog>
        <h2 id="conflict-title">{conflict === 'epoch' ? t('conflictEpochTitle') : t('conflictGoneTitle')}</h2>
        <p id="conflict-body">{t('conflictBody')}</p>
        {conflict === 'gone' && <p>{t('conflictGoneBody')}</p>}
        {failed && <p role="alert">{t('conflictKeepFailed')}</p>}
        <div className="dialog-actions">
          {conflict === 'epoch' && mine.length > 0 && (
            <button type="button" onClick={() => void resolveConflict(boardId, mine).then((ok) => setFailed(!ok))}>
              {t('conflictKeep', mine.length)}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => void resolveConflict(boardId, null)}>
            {t('conflictDiscard')}
          </button>
        </div>
    </AlertDialog>
  );
}

/** The server refused a change from this device. */
function RefusedDialog({ boardId, mine }: { boardId: string; mine: readonly Note[] }) {
  const t = useT();
  const refusal = useStore((s) => s.refusal);
  const role = useStore((s) => s.me.role);
  const [failed, setFailed] = useState(false);
  // Frame changes made under the facilitator's link on this device go through under it again. Only
  // those: a dot in another's name or an invalid update is not the facilitator's to send either.
  const frameChange = refusal === CLOSE.forbiddenWrite.reason;
  const facilitatorLink =
    role === 'facilitator' || !frameChange ? undefined : recentBoards().find((b) => b.id === boardId && b.role === 'facilitator')?.link;
  return (
    <AlertDialog>
        <h2 id="conflict-title">{t('conflictRefusedTitle')}</h2>
        <p id="conflict-body">{t('conflictRefusedBody')}</p>
        {facilitatorLink && <p>{t('conflictFacilitatorLinkHint')}</p>}
        {refusal && <p className="muted">{t('conflictRefusedReason', REASONS[refusal] ? t(REASONS[refusal]) : refusal)}</p>}
        {failed && <p role="alert">{t('conflictKeepFailed')}</p>}
        <div className="dialog-actions">
          {facilitatorLink && (
            <button type="button" onClick={() => location.assign(facilitatorLink)}>
              {t('conflictUseFacilitatorLink')}
            </button>
          )}
          <button
            type="button"
            className={facilitatorLink ? 'secondary' : undefined}
            onClick={() => void resolveConflict(boardId, mine, true).then((ok) => setFailed(!ok))}
          >
            {t('conflictStartAgain')}
          </button>
        </div>
    </AlertDialog>
  );
}
