/**
 * What makes two taps a double tap that may open a note: close together, and the note was under the
 * finger when the first tap began (not one that arrived under it since).
 *
 * Why: another table's note can arrive, or be dragged, under a finger between its two taps; typing
 * into it would append one person's words to another's note. The window is measured by the touches'
 * own time stamps (a busy tablet handles taps late), a two-finger pan is no tap, and a browser's
 * compatibility click after a touch is told apart from a mouse's.
 */
import { describe, expect, it } from 'vitest';
import { DOUBLE_TAP_MS, TapPlaces } from '../../client/tools/doubleTap.ts';

describe('a double tap', () => {
  it('opens a note only if the first tap began on it', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, null); // on empty board
    taps.touched({ x: 102, y: 101 }, 'theirs'); // their note arrived under the finger meanwhile
    expect(taps.nearEachOther()).toBe(true);
    expect(taps.firstOn('theirs')).toBe(false);

    taps.touched({ x: 101, y: 100 }, 'theirs'); // now both taps begin on it
    expect(taps.firstOn('theirs')).toBe(true);
  });

  it('two taps far apart are not a double tap', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, 'a');
    taps.touched({ x: 400, y: 100 }, 'a');
    expect(taps.nearEachOther()).toBe(false);
  });
});

describe('a double tap, timed by the touches themselves', () => {
  it('two one-finger taps that end within the window, close together, make one double tap', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, null, true);
    expect(taps.tapped(1000)).toBe(false);
    taps.touched({ x: 104, y: 98 }, null, true);
    expect(taps.tapped(1000 + DOUBLE_TAP_MS - 1)).toBe(true);
    expect(taps.firstOnBoard()).toBe(true);
    // A third quick tap starts afresh: it is not a second double tap.
    taps.touched({ x: 102, y: 99 }, null, true);
    expect(taps.tapped(1000 + DOUBLE_TAP_MS + 100)).toBe(false);
  });

  it('taps whose own time stamps are further apart than the window are two taps, however they were handled', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, null, true);
    taps.tapped(1000);
    taps.touched({ x: 100, y: 100 }, null, true);
    expect(taps.tapped(1000 + DOUBLE_TAP_MS)).toBe(false);
  });

  it('a gesture with a second finger is no tap, and forgets the taps before it', () => {
    const taps = new TapPlaces();
    taps.touched({ x: 100, y: 100 }, null, true);
    taps.tapped(1000);
    taps.touched({ x: 100, y: 100 }, null, true);
    taps.tapped(1100); // a double tap that wrote a note
    taps.touched({ x: 300, y: 300 }, null, true);
    taps.moreFingers(); // a two-finger pan
    expect(taps.isTap()).toBe(false);
    expect(taps.tapped(1300)).toBe(false);
    expect(taps.nearEachOther()).toBe(false);
    taps.touched({ x: 300, y: 300 }, null, true);
    taps.moreFingers(); // a second pan right after
    expect(taps.tapped(1500)).toBe(false);
    // The next one-finger touch is a tap again, but not the second of a double tap.
    taps.touched({ x: 300, y: 300 }, null, true);
    expect(taps.isTap()).toBe(true);
    expect(taps.tapped(1600)).toBe(false);
  });

  it('takes a mouse event just after a touch for the touch’s compatibility event, not a later one', () => {
    const taps = new TapPlaces();
    taps.touchEvent(1000);
    const click = (timeStamp: number) => ({ type: 'click', timeStamp }) as unknown as Event;
    expect(taps.followsTouch(click(1010))).toBe(true);
    expect(taps.followsTouch(click(5000))).toBe(false);
    expect(taps.followsTouch({ type: 'touchend', timeStamp: 1010 } as unknown as Event)).toBe(false);
    const fromMouse = { type: 'click', timeStamp: 1010, sourceCapabilities: { firesTouchEvents: false } } as unknown as Event;
    expect(taps.followsTouch(fromMouse)).toBe(false);
  });
});
