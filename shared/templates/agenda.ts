/**
 * The agendas Olifant knows: the Future Search day (Weisbord & Janoff) and a blank one, each a list of
 * tasks with a title and an instruction in English and Dutch.
 *
 * Why: the current task and its instruction show on every screen and on the projector, and go into
 * the report; they are data of the agenda, in the words of ../shared/docs/cocreation.md, the same for
 * the client, the server and the report.
 */
import type { TemplateId } from '../model/facilitation.ts';

export interface Localized {
  readonly en: string;
  readonly nl: string;
}

export interface AgendaStep {
  /** Stable id (the template's areas are kept per step id). */
  readonly id: string;
  readonly title: Localized;
  readonly instruction: Localized;
}

const FUTURE_SEARCH: readonly AgendaStep[] = [
  {
    id: 'past',
    title: { en: 'Past: timelines', nl: 'Verleden: tijdlijnen' },
    instruction: {
      en: 'Add notes to the three timelines (the world, your own life, our topic), in the era they belong to. Then each table tells the story it sees.',
      nl: 'Zet notities op de drie tijdlijnen (de wereld, je eigen leven, ons thema), in het tijdvak waar ze thuishoren. Daarna vertelt elke tafel het verhaal dat ze ziet.',
    },
  },
  {
    id: 'present',
    title: { en: 'Present: trends mind map', nl: 'Heden: mindmap van trends' },
    instruction: {
      en: 'Name the trends that affect our topic now, around the centre; connect the ones that belong together. Then each stakeholder group puts its dots on the trends that matter most to it.',
      nl: 'Benoem rond het midden de trends die ons thema nu raken; verbind wat samenhangt. Daarna zet elke belanghebbende groep haar stippen op de trends die voor haar het zwaarst wegen.',
    },
  },
  {
    id: 'prouds',
    title: { en: 'Prouds and sorries', nl: 'Trots en spijt' },
    instruction: {
      en: 'At your stakeholder table: what are you proud of, and what are you sorry about, in how your group deals with these trends?',
      nl: 'Aan je belanghebbende tafel: waar is je groep trots op, en wat spijt haar, in hoe ze met deze trends omgaat?',
    },
  },
  {
    id: 'future',
    title: { en: 'Ideal future', nl: 'Ideale toekomst' },
    instruction: {
      en: 'At your mixed table: imagine the future you want has happened. What do you see? Then post the themes you think everyone shares.',
      nl: 'Aan je gemengde tafel: stel je voor dat de toekomst die je wilt er is. Wat zie je? Zet daarna de thema’s op het bord waarvan je denkt dat iedereen ze deelt.',
    },
  },
  {
    id: 'commonGround',
    title: { en: 'Common ground', nl: 'Gemeenschappelijke basis' },
    instruction: {
      en: 'Together, sort the themes into common ground, potential projects and not agreed. A theme is common ground only when every stakeholder group can stand behind it.',
      nl: 'Deel samen de thema’s in: gemeenschappelijke basis, mogelijke projecten en geen overeenstemming. Een thema is pas gemeenschappelijke basis als elke belanghebbende groep erachter kan staan.',
    },
  },
  {
    id: 'action',
    title: { en: 'Action planning', nl: 'Actieplanning' },
    instruction: {
      en: 'Write an action card for what you will do, with its owner; sign up as a volunteer on the cards you will help with.',
      nl: 'Schrijf een actiekaart voor wat je gaat doen, met wie ze trekt; schrijf je in als vrijwilliger op de kaarten waar je aan meewerkt.',
    },
  },
];

const BLANK: readonly AgendaStep[] = [
  {
    id: 'open',
    title: { en: 'Open session', nl: 'Open sessie' },
    instruction: { en: 'Add your notes to the board.', nl: 'Zet je notities op het bord.' },
  },
];

/** The tasks of an agenda, in order. */
export function agendaSteps(template: TemplateId | null): readonly AgendaStep[] {
  if (template === 'futureSearch') return FUTURE_SEARCH;
  if (template === 'blank') return BLANK;
  return [];
}
