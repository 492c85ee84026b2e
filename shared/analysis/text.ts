/**
 * Text normalisation for comparing notes: tokens, Dutch and English stop words, light stemming.
 *
 * Why: a workshop writes in both languages on one board; "zorg" and "care" stay different words, but
 * "wachtlijsten" and "wachtlijst", "teams" and "team", "waiting lists" and "waiting list" should meet. Deliberately
 * simple and deterministic (no dictionaries, no external service), so every device and the server
 * agree on the same grouping.
 */

const STOP_EN =
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just like me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves get got make made much many need needs needed want wants lot lots thing things way ways';
const STOP_NL =
  'aan al alle alles als altijd ander andere anders ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jullie kan kon kunnen maar me meer men met mij mijn moet moeten na naar niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou meer minder veel vaak graag gaan gaat komt komen willen wordt nodig echt';

/** Words that carry no topic, in English and Dutch. */
export const STOP_WORDS: ReadonlySet<string> = new Set(`${STOP_EN} ${STOP_NL}`.split(/\s+/));

/** The stop words of one language only (what tells a Dutch note from an English one). */
export const STOP_WORDS_ONLY: { readonly en: ReadonlySet<string>; readonly nl: ReadonlySet<string> } = (() => {
  const en = new Set(STOP_EN.split(/\s+/));
  const nl = new Set(STOP_NL.split(/\s+/));
  return { en: new Set([...en].filter((w) => !nl.has(w))), nl: new Set([...nl].filter((w) => !en.has(w))) };
})();

/** Suffixes removed (longest first), while at least 4 letters remain. */
const SUFFIXES = [
  'heden', 'heid', 'ingen', 'lijke', 'lijk', 'ische', 'isch', 'tion', 'sion', 'ment', 'ness', 'ities', 'ity',
  'ing', 'ers', 'ies', 'ied', 'ed', 'es', 'en', 'er', 'ly', 'e', 's',
] as const;

/** A light stem: strips one common English or Dutch suffix, and undoubles a final consonant pair. */
export function stem(word: string): string {
  let w = word;
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length >= 5 && /([bcdfgklmnprst])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** The topic words of a text: lower case, accents removed, stop words and short words dropped, stemmed. */
export function tokenize(text: string): string[] {
  const plain = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const out: string[] = [];
  for (const word of plain.split(/[^a-z0-9]+/)) {
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(stem(word));
  }
  return out;
}
