/**
 * How a pressed, chosen or checked control looks, read from the page's computed styles: its fill,
 * border and drawn check mark, and the check that a pressed control stands apart from an unpressed one.
 *
 * Why: "selected" must be seen, not only announced; the state tests compare what the eye gets.
 */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { contrastRatio } from '../../shared/analysis/groupMarks.ts';

export interface StateStyle {
  background: string;
  border: string;
  /** The drawn check mark: the pseudo-element's content and its size (none when there is none). */
  mark: string;
}

/** A button's look as computed: fill, border colour and the check mark beside its words. */
export function stateStyle(button: Locator): Promise<StateStyle> {
  return button.evaluate((el) => {
    const cs = getComputedStyle(el);
    const tool = el.classList.contains('tool');
    const pseudo = getComputedStyle(el, tool ? '::after' : '::before');
    const mark = pseudo.content === 'none' || pseudo.content === 'normal' ? 'none' : `${pseudo.width}x${pseudo.height}`;
    return { background: cs.backgroundColor, border: cs.borderTopColor, mark };
  });
}

/** "rgb(r, g, b)" as "#rrggbb" (transparent counts as the white panel beneath). */
export function hex(rgb: string): string {
  const [r = 255, g = 255, b = 255, a = 1] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  if (a === 0) return '#ffffff';
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** The pressed button stands apart from the unpressed one: another fill with strong contrast, and a check mark. */
export async function expectVisiblyPressed(pressed: Locator, unpressed: Locator): Promise<void> {
  await expect.poll(() => pressed.getAttribute('aria-pressed')).toBe('true');
  expect(await unpressed.getAttribute('aria-pressed')).not.toBe('true');
  const on = await stateStyle(pressed);
  const off = await stateStyle(unpressed);
  expect(on.background).not.toBe(off.background);
  expect(on.border).not.toBe(off.border);
  expect(contrastRatio(hex(on.background), hex(off.background))).toBeGreaterThanOrEqual(3);
  expect(on.mark).not.toBe('none');
  expect(off.mark).toBe('none');
}
