/**
 * The report's own words (headings and labels) in English and Dutch.
 *
 * Why: the report is handed to the sponsor in the language of the day; the board's content stays as
 * people wrote it.
 */
export const REPORT_WORDS = {
  en: {
    report: 'Conference report',
    created: 'Board created',
    generated: 'Report made',
    participants: 'Participants per stakeholder group',
    notesCount: '{0} notes',
    notesOne: '1 note',
    withoutGroup: 'Without a stakeholder group',
    nobody: 'nobody registered',
    agenda: 'Agenda',
    current: 'current task',
    clusters: 'Clusters of perspectives',
    elsewhere: 'Elsewhere on the board',
    elsewhereIntro: 'Notes that no agenda task and no cluster holds.',
    notInAnyArea: 'Not in any area',
    coverage: 'Spoken to by {0} of {1} groups',
    coverageOne: 'Spoken to by {0} of 1 group',
    missing: 'Missing: {0}',
    votes: 'Dot votes',
    stillOpen: 'still open',
    dots: '{0} dots',
    dotsOne: '1 dot',
    commonGround: 'Common ground',
    potentialProject: 'Potential projects',
    notAgreed: 'Not agreed',
    disagreements: 'Disagreements (not on the "not agreed" list)',
    contested: 'confirmed, but not every group agrees now',
    actions: 'Actions',
    owner: 'Owner',
    volunteers: 'Volunteers',
    none: 'None.',
    untitled: '(empty)',
    noGroup: 'no group',
    agree: 'agrees',
    disagree: 'disagrees',
    unsure: 'not sure',
    unmarked: 'not marked',
    commonGroundOne: 'common ground',
    potentialProjectOne: 'potential project',
    notAgreedOne: 'not agreed',
    openStanding: 'open',
  },
  nl: {
    report: 'Verslag van de conferentie',
    created: 'Bord gemaakt',
    generated: 'Verslag gemaakt',
    participants: 'Deelnemers per belanghebbende groep',
    notesCount: '{0} notities',
    notesOne: '1 notitie',
    withoutGroup: 'Zonder belanghebbende groep',
    nobody: 'niemand ingeschreven',
    agenda: 'Agenda',
    current: 'huidige opdracht',
    clusters: 'Clusters van perspectieven',
    elsewhere: 'Elders op het bord',
    elsewhereIntro: 'Notities die bij geen opdracht van de agenda en in geen cluster staan.',
    notInAnyArea: 'In geen enkel gebied',
    coverage: 'Besproken door {0} van {1} groepen',
    coverageOne: 'Besproken door {0} van 1 groep',
    missing: 'Ontbreekt: {0}',
    votes: 'Stemmingen met stippen',
    stillOpen: 'nog open',
    dots: '{0} stippen',
    dotsOne: '1 stip',
    commonGround: 'Gemeenschappelijke basis',
    potentialProject: 'Mogelijke projecten',
    notAgreed: 'Geen overeenstemming',
    disagreements: 'Meningsverschillen (niet op de lijst "geen overeenstemming")',
    contested: 'bevestigd, maar nu is niet elke groep het eens',
    actions: 'Acties',
    owner: 'Trekker',
    volunteers: 'Vrijwilligers',
    none: 'Geen.',
    untitled: '(leeg)',
    noGroup: 'geen groep',
    agree: 'eens',
    disagree: 'oneens',
    unsure: 'niet zeker',
    unmarked: 'niet aangeduid',
    commonGroundOne: 'gemeenschappelijke basis',
    potentialProjectOne: 'mogelijk project',
    notAgreedOne: 'geen overeenstemming',
    openStanding: 'open',
  },
} as const;

export type ReportLang = keyof typeof REPORT_WORDS;
export type ReportWord = keyof (typeof REPORT_WORDS)['en'];

/** A heading or label, with `{0}`, `{1}` filled in. */
export function word(lang: ReportLang, key: ReportWord, ...args: (string | number)[]): string {
  return REPORT_WORDS[lang][key].replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** "Spoken to by 1 of 3 groups" / "... of 1 group", in `lang`. */
export function coverageWords(lang: ReportLang, present: number, total: number): string {
  return word(lang, total === 1 ? 'coverageOne' : 'coverage', present, total);
}

/** "1 note" / "3 notes" (and the same for dots), in `lang`. */
export function counted(lang: ReportLang, what: 'notes' | 'dots', n: number): string {
  if (n === 1) return word(lang, what === 'notes' ? 'notesOne' : 'dotsOne');
  return word(lang, what === 'notes' ? 'notesCount' : 'dots', n);
}
