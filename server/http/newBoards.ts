/**
 * How many boards one client address may make an hour (new ones and restores): a budget per address
 * that refills over the hour (OLIFANT_NEW_BOARDS_PER_HOUR).
 *
 * Why: anyone may start a board, with no account, and a board is kept for good; without a budget a
 * script could fill the server's disk with empty boards or restored copies. A venue shares one
 * address, and a facilitator team makes a handful of boards in a day, so it is generous.
 */
import type { IncomingMessage } from 'node:http';
import { HourlyBudget } from '../limits/budgets.ts';
import { monotonicClock, type Clock } from '../limits/tokenBucket.ts';
import { capGroup, clientAddress } from './clientAddress.ts';
import { HttpError } from './respond.ts';

/** Default for OLIFANT_NEW_BOARDS_PER_HOUR. */
export const NEW_BOARDS_PER_HOUR = 200;

/** The hourly budget of new boards, one per client address (an IPv6 one by its /64). */
export class NewBoardsBudget {
  /** Per address (an IPv6 one by its /64), its budget. */
  private readonly left = new Map<string, HourlyBudget>();

  constructor(
    private readonly perHour: number,
    private readonly now: Clock = monotonicClock,
  ) {}

  /** Takes one board from `address`'s budget; false when it is spent for now. */
  take(address: string): boolean {
    const group = capGroup(address);
    if (this.left.size > 10_000) {
      // Addresses whose budget is whole again need not be remembered.
      for (const [g, budget] of this.left) if (budget.full) this.left.delete(g);
    }
    let budget = this.left.get(group);
    if (!budget) this.left.set(group, (budget = new HourlyBudget(this.perHour, this.now)));
    return budget.take();
  }
}

/** A budget of new boards per address: this process's own, or one shared by a cluster (asynchronous). */
export interface NewBoardsTaker {
  take(address: string): boolean | Promise<boolean>;
}

/** What spending a new board needs: the budgets and who the client is. */
export interface NewBoardDeps {
  readonly newBoards: NewBoardsTaker;
  /** Reverse proxies whose X-Forwarded-For is believed for the client's address. */
  readonly trustedProxies: readonly string[];
}

/** Takes one board from the budget of `req`'s address, or throws a 429 saying so. */
export async function spendNewBoard(deps: NewBoardDeps, req: IncomingMessage): Promise<void> {
  if (await deps.newBoards.take(clientAddress(req, deps.trustedProxies))) return;
  throw new HttpError(429, 'this address has made as many boards as it may this hour (OLIFANT_NEW_BOARDS_PER_HOUR); try again later');
}
