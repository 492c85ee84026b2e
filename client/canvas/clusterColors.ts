/**
 * The colours of a cluster's label bar (by its standing) and of the white pill its coverage chips
 * sit on.
 *
 * Why: the chips must stand out at 3:1 from every bar colour, and their labels be readable on the
 * pill; one small pure module lets the shape draw these and a unit test measure them.
 */
import { STANDING_COLOR } from '../../shared/analysis/groupMarks.ts';

/** The label bar's colour by the cluster's standing. */
export const BAR_COLOR = STANDING_COLOR;

/** The pill behind the coverage chips, on the bar; a missing group's chip is filled with it too. */
export const CHIPS_GROUND = '#ffffff';
