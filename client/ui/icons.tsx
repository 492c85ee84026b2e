/**
 * Toolbar icons as inline SVG (stroke icons on a 24 px grid).
 *
 * Why: emoji and symbol fonts differ per tablet and are missing on some; SVG looks the same everywhere.
 */
const PATHS = {
  area: 'M4 5h16v14H4z M4 9h16',
  undo: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3',
  minus: 'M5 12h14',
  plus: 'M12 5v14 M5 12h14',
  fit: 'M4 9V4h5 M20 9V4h-5 M4 15v5h5 M20 15v5h-5',
  duplicate: 'M8 8h12v12H8z M4 16V4h12',
  connect: 'M4 12h14 M13 7l5 5-5 5',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  list: 'M8 6h12 M8 12h12 M8 18h12 M4 6h.01 M4 12h.01 M4 18h.01',
  people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M2 21v-1a6 6 0 0 1 12 0v1 M16 3.5a4 4 0 0 1 0 7 M18 14.5a6 6 0 0 1 4 5.5v1',
  help: 'M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3 M12 17h.01 M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z',
  groups: 'M7 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6z M17 4a3 3 0 1 0 0 6 3 3 0 0 0 0-6z M12 13a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  cluster: 'M3 6a3 3 0 0 1 3-3h12a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H6a3 3 0 0 1-3-3z M7 8h4v4H7z M13 12h4v4h-4z',
  vote: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z M4 4h.01 M20 4h.01 M4 20h.01 M20 20h.01',
  handshake: 'M5 12l4 4 10-10 M3 20h18',
  map: 'M3 6l6-3 6 3 6-3v15l-6 3-6-3-6 3z M9 3v15 M15 6v15',
} as const;

/** The icons there are. */
export type IconName = keyof typeof PATHS;

/** A 22 px stroke icon; decorative (the button has the accessible name). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
