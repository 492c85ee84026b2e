/**
 * The UI strings of the facilitator's bar, in English and Dutch: the current and next task, "bring
 * everyone to this task", the timer, the board lock and voting as a group, each with a short word
 * for a phone.
 *
 * Why: the bar stays in view while the full panel is closed, so every control needs a label that fits
 * a narrow screen; merged into strings.ts so a missing translation is a type error.
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
  barBoardLocked: 'Board locked',
  barLockedShort: 'Locked',
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
  barBoardLocked: 'Bord vergrendeld',
  barLockedShort: 'Vergrendeld',
  barVoteOpen: 'Stemming open',
  barVoteAs: 'Stemmen als groep',
  barVoteAsNone: 'Stemt niet',
};
