/**
 * The start page: create a board and get its three links (facilitator, participant, projector).
 *
 * Why: anyone can start a board without an account; the links are the only keys, so they are shown
 * plainly with copy buttons and a word on who should get which.
 */
import { useState, type FormEvent } from 'react';
import type { CreatedBoard } from '../../shared/index.ts';
import { useLangValue, useT } from '../i18n/i18n.ts';
import type { StringKey } from '../i18n/strings.ts';
import { setLanguage } from '../store/language.ts';
import { formatDate } from '../i18n/dates.ts';
import { forgetBoard, rememberBoard, useRecentBoards } from '../store/recentBoards.ts';
import { ApiError, createBoard, restoreBackup } from '../sync/api.ts';
import { FileButton } from './FileButton.tsx';

const LINK_HELP: Record<keyof CreatedBoard['links'], StringKey> = {
  facilitator: 'linkFacilitator',
  participant: 'linkParticipant',
  projector: 'linkProjector',
};

/** The page at `/`: make a board (or restore one) and see its links; the boards of this device. */
export function StartPage() {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const t = useT();
  const lang = useLangValue();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard(title);
      setCreated(board);
      rememberBoard({ id: board.id, title: board.title, role: 'facilitator', link: board.links.facilitator });
    } catch (err) {
      setError(t('createFailed', failure(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page">
      <header className="start-header">
        <h1>Olifant</h1>
        <button type="button" className="link-button" onClick={() => setLanguage(lang === 'en' ? 'nl' : 'en')}>
          {t('language')}
        </button>
      </header>
      <p className="lead">{t('appTagline')}</p>
      <form onSubmit={submit} className="create">
        <label htmlFor="title">{t('boardTitle')}</label>
        <input
          id="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('boardTitlePlaceholder')}
          maxLength={200}
          required
        />
        <button type="submit" disabled={busy || title.trim() === ''}>
          {busy ? t('creating') : t('createBoard')}
        </button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {created && <NewBoardLinks board={created} onCopyFailed={() => setError(t('copyManually'))} />}
      <Restore
        onRestored={(board) => {
          setCreated(board);
          rememberBoard({ id: board.id, title: board.title, role: 'facilitator', link: board.links.facilitator });
        }}
      />
      <MyBoards />
    </main>
  );
}

/** A new board's three links, each with a word on who should get it and a copy button. */
function NewBoardLinks({ board, onCopyFailed }: { board: CreatedBoard; onCopyFailed: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section className="links" aria-label={t('boardLinks')}>
      <h2>{board.title}</h2>
      {(Object.keys(LINK_HELP) as (keyof CreatedBoard['links'])[]).map((role) => (
        <div key={role} className="link">
          <p>{t(LINK_HELP[role])}</p>
          <input readOnly value={board.links[role]} aria-label={t('roleLink', t(`role_${role}`))} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={(e) => {
              const input = e.currentTarget.previousElementSibling as HTMLInputElement | null;
              copyLink(board.links[role], input).then(() => setCopied(role), onCopyFailed);
            }}
          >
            {copied === role ? t('copied') : t('copy')}
          </button>
        </div>
      ))}
      <p>
        <a href={board.links.facilitator}>{t('openAsFacilitator')}</a>
      </p>
    </section>
  );
}

/** Restores a backup file as a new board (its links are shown as for a created board). */
function Restore({ onRestored }: { onRestored: (board: CreatedBoard) => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      onRestored(await restoreBackup(await file.text()));
    } catch (err) {
      setError(t('restoreFailed', failure(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="restore">
      <h2>{t('restoreTitle')}</h2>
      <p className="hint">{t('restoreHint')}</p>
      <FileButton text={t('chooseBackupFile')} accept="application/json,.json" disabled={busy} onFile={(file) => void restore(file)} />
      {busy && <p role="status">{t('restoring')}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}

/** The boards this device created or opened, to find them again. */
function MyBoards() {
  const t = useT();
  const lang = useLangValue();
  const boards = useRecentBoards();
  return (
    <section className="my-boards" aria-label={t('myBoards')}>
      <h2>{t('myBoards')}</h2>
      {boards.length === 0 ? (
        <p className="hint">{t('myBoardsEmpty')}</p>
      ) : (
        <ul>
          {boards.map((b) => (
            <li key={`${b.id}:${b.role}`}>
              <a href={b.link}>{b.title || b.id}</a> <span className="muted">· {t(`role_${b.role}`)} · {t('lastOpened', formatDate(lang, b.lastOpened))}</span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => forgetBoard(b.id, b.role)}
              >
                {t('forget')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What went wrong, in a few words: the server's reason, else its status, else the network's error. */
function failure(err: unknown): string {
  if (err instanceof ApiError && err.serverMessage === undefined) return `server answered ${err.status}`;
  return (err as Error).message;
}

/**
 * Copies a link. On a plain-http venue address the Clipboard API does not exist (no secure
 * context), so the link's input is selected and copied the old way.
 */
async function copyLink(text: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  input?.focus();
  input?.select();
  if (!document.execCommand('copy')) throw new Error('copy refused');
}
