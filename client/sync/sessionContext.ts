/**
 * React context holding the open board's actions.
 *
 * Why: components call actions without prop drilling and without ever holding the Y.Doc.
 */
import { createContext, useContext } from 'react';
import type { BoardActions } from './actions.ts';

export const ActionsContext = createContext<BoardActions | null>(null);

/** The actions of the open board (throws outside a board). */
export function useActions(): BoardActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside a board');
  return actions;
}
