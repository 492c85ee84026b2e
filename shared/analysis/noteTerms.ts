/**
 * What a note is about, as weighted features: its stemmed words (stemmed in the note's language),
 * the parts of its Dutch compounds, and the bilingual concepts and domains it names.
 *
 * Why: similarity between notes has to see that "personeelstekort" and "staff shortage", or
 * "thuiszorg" and "home care", are about the same thing. Compounds of Dutch notes are split only at a
 * part the board itself or the concept list uses, so a word is not cut into pieces nobody wrote; words
 * that only say how much or how soon ("fast", "snel") never count as a topic.
 */
import { CONCEPTS, DOMAINS } from './concepts.ts';
import { stemDutch, stemEnglish } from './stemmers.ts';
import { STOP_WORDS, STOP_WORDS_ONLY } from './text.ts';

export type Lang = 'en' | 'nl';

/** Words that say how much or how soon, not what about: they never make a note's topic. */
const VAGUE = new Set(
  ('better good bad new big small long short fast faster quick slow easy hard real really every everyone people person ' +
    'time times year years day days week start stop keep give take use used help work able sure just also still even ' +
    'goed goede beter slecht nieuw nieuwe groot grote klein kleine lang lange kort snel sneller langzaam makkelijk moeilijk ' +
    'iedereen mensen mens tijd jaar jaren dag dagen week elke ieder iedere beginnen stoppen houden geven nemen gebruiken').split(' '),
);

const DUTCH_HINT = /(ij|aa|oe|ui|uu|sch|heid|lijk|tje|eeuw)/;

/** The words of a text: lower case, accents removed, hyphens kept inside words. */
export function wordsOf(text: string): string[] {
  const plain = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain.split(/[^a-z0-9-]+/).flatMap((w) => w.split(/-+/)).filter((w) => w.length > 0);
}

/** The note's language, from its function words (and Dutch spellings when it has none). */
export function languageOf(words: readonly string[]): Lang {
  let nl = 0;
  let en = 0;
  for (const w of words) {
    if (STOP_WORDS_ONLY.nl.has(w)) nl++;
    if (STOP_WORDS_ONLY.en.has(w)) en++;
  }
  if (nl !== en) return nl > en ? 'nl' : 'en';
  const hints = words.filter((w) => DUTCH_HINT.test(w)).length;
  return hints * 2 >= words.length && hints > 0 ? 'nl' : 'en';
}

/** Stems already worked out, per language (a board repeats its words; compound splitting asks often). */
const memo = { en: new Map<string, string>(), nl: new Map<string, string>() };

/** The stem of a word in a language. */
export function stemIn(word: string, lang: Lang): string {
  const known = memo[lang];
  let stem = known.get(word);
  if (stem === undefined) {
    if (known.size > 50_000) known.clear();
    stem = lang === 'nl' ? stemDutch(word) : stemEnglish(word);
    known.set(word, stem);
  }
  return stem;
}

const isTopicWord = (w: string): boolean => w.length >= 2 && !STOP_WORDS.has(w) && !VAGUE.has(w) && !/^\d+$/.test(w);

interface ConceptIndex {
  /** `${lang}:${stem}` (or stems joined by a space) -> concept ids. */
  readonly keys: Map<string, string[]>;
  readonly domainOf: Map<string, string>;
  /** Every concept word as written, for compound splitting. */
  readonly words: Set<string>;
}

let index: ConceptIndex | null = null;
const DOMAIN_IDS = new Set(DOMAINS.map((d) => d[0]));
const isDomain = (id: string): boolean => DOMAIN_IDS.has(id);

/** The concept list, indexed by stem in each language (built once). */
export function conceptIndex(): ConceptIndex {
  if (index) return index;
  const keys = new Map<string, string[]>();
  const domainOf = new Map<string, string>();
  const words = new Set<string>();
  for (const [id, domain, en, nl] of [...DOMAINS, ...CONCEPTS]) {
    domainOf.set(id, domain);
    for (const [lang, list] of [['en', en], ['nl', nl]] as const) {
      for (const term of list.split(/\s+/)) {
        const parts = term.split('_').flatMap((p) => p.split('-'));
        if (parts.length === 1) words.add(parts[0]!);
        const key = `${lang}:${parts.map((p) => stemIn(p, lang)).join(' ')}`;
        const ids = keys.get(key) ?? [];
        if (!ids.includes(id)) ids.push(id);
        keys.set(key, ids);
      }
    }
  }
  index = { keys, domainOf, words };
  return index;
}

/** The concepts a word (or a run of words) names, in either language. */
export function conceptsOf(words: readonly string[]): string[] {
  const { keys } = conceptIndex();
  const en = keys.get(`en:${words.map((w) => stemIn(w, 'en')).join(' ')}`) ?? [];
  const nl = keys.get(`nl:${words.map((w) => stemIn(w, 'nl')).join(' ')}`) ?? [];
  return en.length === 0 ? nl : nl.length === 0 ? en : [...new Set([...en, ...nl])];
}

/** The known words a compound can be split into: the board's own words and the concept words. */
export interface Vocabulary {
  readonly has: (word: string) => boolean;
}

/** A vocabulary of the given texts' topic words plus the concept list. */
export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const stems = new Set<string>();
  const add = (w: string) => {
    if (w.length >= 3 && isTopicWord(w)) stems.add(stemIn(w, 'nl'));
  };
  for (const text of texts) for (const w of wordsOf(text)) add(w);
  for (const w of conceptIndex().words) add(w);
  return { has: (w) => w.length >= 3 && isTopicWord(w) && stems.has(stemIn(w, 'nl')) };
}

/**
 * The parts of a Dutch compound that the vocabulary knows ("jeugdzorg" -> jeugd, zorg;
 * "personeelstekort" -> personeel, tekort, with the linking s), or [] when it does not split.
 * Parts are at least 3 letters and a tail splits once more. When no split has both parts known, a
 * concept word at the head still splits off ("buslijn" -> bus, lijn), the longest such head first.
 */
export function splitCompound(word: string, vocab: Vocabulary, depth = 2): string[] {
  if (word.length < 7 || depth === 0) return [];
  // A head with a linking s, e or en ("personeels-", "ouderen-") stands for the word without it.
  const knownHead = (head: string): string | undefined => {
    const bare = head.replace(/(s|e|en)$/, '');
    return bare !== head && vocab.has(bare) ? bare : vocab.has(head) ? head : undefined;
  };
  let conceptHead: string[] = [];
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const head = knownHead(word.slice(0, cut));
    if (!head) continue;
    const tail = word.slice(cut);
    if (vocab.has(tail)) return [head, tail];
    const more = splitCompound(tail, vocab, depth - 1);
    if (more.length > 0) return [head, ...more];
    if (tail.length >= 4 && conceptsOf([head]).length > 0) conceptHead = [head, tail];
  }
  return conceptHead;
}

/** A note's topic words as written, each with its stem key and the concepts it names (for labels). */
export function topicWordsOf(text: string): { form: string; key: string; concepts: string[] }[] {
  const plain = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const lang = languageOf(wordsOf(text));
  return plain.flatMap((form) => {
    const w = wordsOf(form)[0] ?? '';
    return isTopicWord(w) ? [{ form, key: stemIn(w, lang), concepts: conceptsOf([w]) }] : [];
  });
}

/** Weights of a note's features: words, compound parts, concepts and domains. */
export const FEATURE_WEIGHT = { word: 1, part: 0.8, concept: 2.5, domain: 0.3 } as const;

/**
 * A note's features (`w:` stemmed words, `c:` concepts, `d:` domains) with their raw weights.
 * Words that name a concept count as the concept too; compounds add their parts at a little less.
 */
export function featuresOf(text: string, vocab: Vocabulary): Map<string, number> {
  const words = wordsOf(text);
  const lang = languageOf(words);
  const topic = words.filter(isTopicWord);
  const out = new Map<string, number>();
  const add = (key: string, w: number, max = Infinity) => out.set(key, Math.min(max, (out.get(key) ?? 0) + w));
  const addConcepts = (ids: readonly string[], scale: number) => {
    const { domainOf } = conceptIndex();
    for (const id of ids) {
      if (isDomain(id)) {
        add(`d:${id}`, FEATURE_WEIGHT.domain * 2 * scale, FEATURE_WEIGHT.domain * 2);
        continue;
      }
      add(`c:${id}`, FEATURE_WEIGHT.concept * scale, FEATURE_WEIGHT.concept);
      const domain = domainOf.get(id) ?? '';
      if (domain !== '') add(`d:${domain}`, FEATURE_WEIGHT.domain * scale, FEATURE_WEIGHT.domain);
    }
  };
  // Concepts of two words ("waiting list", "openbaar vervoer"), among all words but stop words.
  const plain = words.filter((w) => !STOP_WORDS.has(w));
  for (let i = 1; i < plain.length; i++) addConcepts(conceptsOf([plain[i - 1]!, plain[i]!]), 1);
  topic.forEach((w) => {
    if (w.length >= 3) add(`w:${stemIn(w, lang)}`, FEATURE_WEIGHT.word);
    const named = conceptsOf([w]);
    addConcepts(named, 1);
    if (named.length > 0 || lang !== 'nl') return;
    for (const part of splitCompound(w, vocab)) {
      add(`w:${stemIn(part, 'nl')}`, FEATURE_WEIGHT.part);
      addConcepts(conceptsOf([part]), FEATURE_WEIGHT.part / FEATURE_WEIGHT.word);
    }
  });
  return out;
}
