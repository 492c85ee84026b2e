/**
 * The common-ground task: clusters (made at once by several tables, suggested ones accepted, then
 * merged), a dot vote per person with one dot per item (some dots placed offline and from a second
 * device, so beyond the limit), a vote per group, stances per group before and after the merges,
 * and the facilitator confirming the three lists. The table whose Wi-Fi dropped comes back here.
 *
 * Why: the lists the sponsor reads come from this task; the rehearsal makes each of the hard cases
 * happen so the oracle can check them by its own count.
 */
import { itemResolver, listClusters, listNotes, type StanceValue } from '../../shared/index.ts';
import type { DayContext } from './dayContext.ts';
import { closeVote, confirmLogged, frameTask, goToStep, mergeLogged, openLoggedVote } from './facilitator.ts';
import { acceptSuggestions, makeClusters } from './afternoon.ts';
import { paced } from './people.ts';
import type { Outage } from './faults.ts';
import { placeLoggedDot, setLoggedStance, takeBackLoggedDot, writeNote } from './writes.ts';

/** Clusters with notes on the facilitator's board now (merged ones resolved away). */
function liveClusters(ctx: DayContext): string[] {
  const doc = ctx.room.facilitator.doc;
  const used = new Set(listNotes(doc).map((n) => n.clusterId).filter((c): c is string => !!c));
  return listClusters(doc).filter((c) => !c.mergedInto && used.has(c.id)).map((c) => c.id);
}

/** One stance per group on each item, written by one member per group (so the last is known). */
async function stanceRound(ctx: DayContext, items: readonly string[], pick: (item: string, group: string, k: number) => StanceValue): Promise<void> {
  const { room } = ctx;
  const pairs = items.flatMap((item, k) => [...room.log.groups.keys()].map((group) => ({ item, group, k })));
  // Spread over a little time, as groups talk before they mark: a burst would queue at every device.
  await paced(room, pairs, 1, Math.min(ctx.phaseMs * 0.2, pairs.length * 20), ({ item, group, k }) => {
    const speaker = ctx.present().find((p) => p.groupId === group && !p.device.offline && p.device.synced);
    if (speaker) setLoggedStance(room, speaker, item, pick(item, group, k));
  });
  // The next round's writer must have this round's stance before writing: wait for the room.
  await ctx.converge('a round of stances');
}

export async function commonGround(ctx: DayContext, outage: Outage): Promise<void> {
  const { room } = ctx;
  await ctx.phase('commonGround', async () => {
    await goToStep(room, 'commonGround');
    await frameTask(room, ctx.phaseMs, null);
    makeClusters(ctx);
    acceptSuggestions(ctx);
    await ctx.converge('the clusters');

    let clusters = liveClusters(ctx);
    const groups = [...room.log.groups.keys()];
    // Stances before the merges: most groups agree, the last group doubts every third cluster.
    await stanceRound(ctx, clusters, (_item, group, k) => (group === groups[groups.length - 1] && k % 3 === 0 ? 'unsure' : 'agree'));

    // The facilitator merges clusters about the same thing: pairs of the live ones.
    for (let i = 0; i + 1 < Math.min(clusters.length, 8); i += 3) mergeLogged(room, clusters[i]!, clusters[i + 1]!);
    await ctx.converge('the merges');
    clusters = liveClusters(ctx);

    // A dot vote per person on the clusters, one dot per item. Then one table's Wi-Fi drops: its
    // devices keep writing notes and place their dots offline, and one of them also votes from a
    // second device that is online, so that person's dots go beyond the limit.
    const personal = openLoggedVote(room, { title: 'Wat moet er gebeuren?', target: 'clusters', budget: 'person', dots: 3, onePerItem: true });
    await ctx.converge('the personal vote opening');
    await outage.start();
    const offlineWriting = paced(room, outage.people, 2, ctx.phaseMs * 0.3, (p, k) => {
      if (k === 0) writeNote(room, p, p.mixedTable);
      for (let d = 0; d < 2; d++) placeLoggedDot(room, p, personal, room.random.pick(clusters));
    });
    const second = await outage.secondDevice();
    for (const c of clusters.slice(0, 3)) if (second) placeLoggedDot(room, outage.people[0]!, personal, c, second);
    const online = paced(room, ctx.present().filter((p) => !p.device.offline), ctx.each(4), ctx.phaseMs * 0.3, (p) => {
      placeLoggedDot(room, p, personal, room.random.pick(clusters));
    });
    await Promise.all([offlineWriting, online]);
    const taker = ctx.present().find((p) => !p.device.offline && [...room.log.dots.values()].some((d) => d.voterId === p.id && d.voteId === personal));
    if (taker) {
      const dot = [...room.log.dots.values()].find((d) => d.voterId === taker.id && d.voteId === personal)!;
      takeBackLoggedDot(room, taker, personal, dot.itemId);
    }
    // The Wi-Fi is back: the offline table's dots and notes arrive.
    await outage.end();
    await ctx.converge('the personal vote');
    closeVote(room, personal);

    // A vote per group, one dot per item: the members of a group place at once, so some go over.
    const perGroup = openLoggedVote(room, { title: 'Per groep', target: 'clusters', budget: 'group', dots: 2, onePerItem: true });
    await ctx.converge('the group vote opening');
    await paced(room, ctx.present(), 1, ctx.phaseMs * 0.2, (p) => placeLoggedDot(room, p, perGroup, room.random.pick(clusters)));
    await ctx.converge('the group vote');
    closeVote(room, perGroup);

    // Stances after the merges: everyone agrees on the first cluster (common ground), the second is
    // disputed by one group, the rest stay as they were.
    const resolve = itemResolver(room.facilitator.doc);
    const [ground, disputed, project, ...rest] = clusters.map((c) => resolve(c) ?? c);
    await stanceRound(ctx, [ground, disputed].filter((c): c is string => !!c), (item, group) =>
      item === disputed && group === groups[0] ? 'disagree' : 'agree',
    );
    if (ground) confirmLogged(room, ground, 'commonGround');
    if (project) confirmLogged(room, project, 'potentialProject');
    if (disputed) confirmLogged(room, disputed, 'notAgreed');
    // A confirmation made by mistake and taken back.
    if (rest[0]) {
      confirmLogged(room, rest[0], 'potentialProject');
      confirmLogged(room, rest[0], null);
    }
  });
}
