/**
 * The colours of a cluster's label bar (by its standing) and of the white pill its coverage chips
 * sit on.
 *
 * Why: the chips must stand out at 3:1 from every bar colour, and their labels be readable on the
 * pill; one small pure module lets the shape draw these and a unit test measure them.
 */

/** The label bar's colour by the cluster's standing. */
export const BAR_COLOR = { commonGround: '#1b7f3b', notAgreed: '#b3261e', open: '#37474f' } as const;

/** The pill behind the coverage chips, on the bar; a missing group's chip is filled with it too. */
export const CHIPS_GROUND = '#ffffff';
