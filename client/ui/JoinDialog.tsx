/**
 * Asks once for a display name before opening a board, and remembers it on this device.
 *
 * Why: joining is by link with no account; a name is all others need to see who is who. Stakeholder
 * groups are asked here too once boards have them (a later issue).
 */
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n.ts';

const NAME_KEY = 'olifant.name';
const COLORS = ['#e53935', '#8e24aa', '#3949ab', '#039be5', '#00897b', '#7cb342', '#f4511e', '#6d4c41', '#d81b60', '#5e35b1'];

/** The remembered display name, or ''. */
export function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** A stable colour for a name. */
export function colorFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length]!;
}

/** Asks for a name before joining (the board's `title` when known); `onJoin` gets the name. */
export function JoinDialog({ title, onJoin }: { title?: string | undefined; onJoin: (name: string) => void }) {
  const t = useT();
  const [name, setName] = useState(rememberedName());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = name.trim().slice(0, 60);
    if (!clean) return;
    try {
      localStorage.setItem(NAME_KEY, clean);
    } catch {
      /* private mode: ask again next time */
    }
    onJoin(clean);
  };
  return (
    <main className="page">
      <form className="join" onSubmit={submit}>
        <h1>{t('joinTitle')}</h1>
        {title && <p className="join-board">{title}</p>}
        <label htmlFor="join-name">{t('joinName')}</label>
        <input id="join-name" autoFocus value={name} maxLength={60} placeholder={t('joinNamePlaceholder')} onChange={(e) => setName(e.target.value)} />
        <p className="hint">{t('joinRemember')}</p>
        <button type="submit" disabled={!name.trim()}>{t('joinButton')}</button>
      </form>
    </main>
  );
}
