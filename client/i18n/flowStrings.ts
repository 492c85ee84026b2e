/**
 * The UI strings of the flow of the day (the facilitator's bar, landing on the task), in English
 * and Dutch.
 *
 * Why: merged into strings.ts so a missing translation is a type error.
 */
export const flowEn = {
  facilitatorBar: 'Facilitator bar',
  barStep: '{0}/{1}',
  barNext: 'Next: {0}',
  barNextShort: 'Next',
  barLastTask: 'Last task',
  barBringToTask: 'Bring everyone to this task',
  barBringShort: 'To this task',
  barTimerLength: 'Timer length',
  barMinutes: '{0} min',
  barStartTimer: 'Start timer',
  barStartShort: 'Start',
  barStopTimer: 'Stop timer',
  barStopShort: 'Stop',
  barLockBoard: 'Lock board',
  barLockShort: 'Lock',
  barVoteOpen: 'Vote open',
  barVoteAs: 'Vote as group',
  barVoteAsNone: 'Not voting',
};

export const flowNl: Record<keyof typeof flowEn, string> = {
  facilitatorBar: 'Facilitatorbalk',
  barStep: '{0}/{1}',
  barNext: 'Volgende: {0}',
  barNextShort: 'Volgende',
  barLastTask: 'Laatste opdracht',
  barBringToTask: 'Iedereen naar deze opdracht',
  barBringShort: 'Naar deze opdracht',
  barTimerLength: 'Duur van de timer',
  barMinutes: '{0} min',
  barStartTimer: 'Timer starten',
  barStartShort: 'Start',
  barStopTimer: 'Timer stoppen',
  barStopShort: 'Stop',
  barLockBoard: 'Bord vergrendelen',
  barLockShort: 'Vergrendel',
  barVoteOpen: 'Stemming open',
  barVoteAs: 'Stemmen als groep',
  barVoteAsNone: 'Stemt niet',
};
