/**
 * The keyboard's mark on the canvas: a thick two-tone ring around the note the keyboard is on, shown
 * while the canvas has focus and keys are being used.
 *
 * Why: notes are drawn, not DOM elements, so the browser's focus outline cannot show which note Tab
 * reached; a ring of its own (dark inside, white outside) reads on every note colour and on the board,
 * and keeps the same width on screen at any zoom.
 */
import { useBoardFocus } from '../store/focus.ts';
import { useStore } from '../store/store.ts';
import { Group, Rect } from './konva.ts';

/** Screen pixels of each of the ring's two strokes, and of the gap to the note. */
const STROKE = 3;
const GAP = 6;

/** The ring around the keyboard's note (nothing when the canvas is not in keyboard use). */
export function FocusRing() {
  const id = useBoardFocus((f) => (f.canvasFocused && f.keyboardUsed ? f.noteId : null));
  const note = useStore((s) => (id ? s.notes[id] : undefined));
  const scale = useStore((s) => s.viewport.scale);
  const drag = useStore((s) => (id && s.drag?.ids.includes(id) ? s.drag : null));
  if (!id || !note) return null;
  const px = 1 / scale;
  const x = note.x + (drag?.dx ?? 0);
  const y = note.y + (drag?.dy ?? 0);
  // Each stroke is centred on its path: the dark one just outside the gap, the white one outside it.
  const ring = (d: number, color: string) => (
    <Rect x={x - d} y={y - d} width={note.w + 2 * d} height={note.h + 2 * d} stroke={color} strokeWidth={STROKE * px} cornerRadius={(6 + d / px / 2) * px} />
  );
  return (
    <Group listening={false} name="focus-ring" id={`focus-ring-${id}`}>
      {ring((GAP + STROKE * 1.5) * px, '#ffffff')}
      {ring((GAP + STROKE / 2) * px, '#0b3d91')}
    </Group>
  );
}
