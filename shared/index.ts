/**
 * The board model's public surface, for the client, the server and other tools.
 *
 * Why: one import path for everything shared, so callers do not depend on the folder layout.
 */
export * from './model/ids.ts';
export * from './model/records.ts';
export * from './model/errors.ts';
export * from './doc/roots.ts';
export * from './doc/origins.ts';
export * from './doc/mutations.ts';
export * from './doc/queries.ts';
export * from './doc/migrations.ts';
export * from './protocol/messages.ts';
export * from './protocol/closeCodes.ts';
export * from './protocol/token.ts';
export * from './protocol/api.ts';
export * from './model/shapes.ts';
export * from './doc/boardMutations.ts';
export * from './doc/shapeQueries.ts';
export * from './analysis/suggestClusters.ts';
export * from './model/cocreation.ts';
export * from './doc/cocreationQueries.ts';
export * from './doc/clusterMutations.ts';
export * from './doc/cocreationMutations.ts';
export * from './analysis/clusters.ts';
export * from './analysis/votes.ts';
export * from './analysis/tableProgress.ts';
export * from './analysis/standing.ts';
export * from './analysis/text.ts';
export * from './model/facilitation.ts';
export * from './model/participantTools.ts';
export * from './doc/facilitationQueries.ts';
export * from './doc/facilitationMutations.ts';
export * from './model/crowd.ts';
export * from './model/taskFrame.ts';
export * from './templates/agenda.ts';
export * from './templates/futureSearchLayout.ts';
export * from './doc/actionCards.ts';
export * from './doc/people.ts';
export * from './analysis/wall.ts';
