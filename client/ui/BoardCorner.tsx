/**
 * The board's top-left corner while a person has asked for it (the toolbar's "Map and groups"
 * button): the overview map, and the stakeholder groups' key below it.
 *
 * Why: a map and a key fixed over the board covered the titles of the areas and the notes beneath
 * them on every screen. Shown on demand, remembered per device, they cover nothing unasked. (The
 * projector keeps its own key beside the join card, where its framing leaves room.)
 */
import { useOverlays } from '../store/overlays.ts';
import { GroupLegend } from './CocreationOverlays.tsx';
import { Minimap } from './Minimap.tsx';

/** The map and the groups' key, when shown (see the module comment). */
export function BoardCorner() {
  const shown = useOverlays((s) => s.shown);
  if (!shown) return null;
  return (
    <div className="board-corner" data-testid="board-corner">
      <Minimap />
      <GroupLegend />
    </div>
  );
}
