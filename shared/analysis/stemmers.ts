/**
 * Stemmers for the two languages of a workshop wall: Martin Porter's English algorithm and the
 * Snowball Dutch rules, written out here for lower-case words without accents.
 *
 * Why: "caring", "cares" and "care" must meet, and so must "wachtlijsten" and "wachtlijst",
 * "eenzaamheid" and "eenzame", without a dictionary or a service: both algorithms are small,
 * published and deterministic, so every device and the server stem alike.
 */

const isVowelEn = (w: string, i: number): boolean => {
  const c = w[i]!;
  if ('aeiou'.includes(c)) return true;
  return c === 'y' && i > 0 && !isVowelEn(w, i - 1);
};

/** Porter's measure m: the number of vowel-consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < w.length; i++) {
    const v = isVowelEn(w, i);
    if (prevVowel && !v) m++;
    prevVowel = v;
  }
  return m;
}

const hasVowel = (w: string): boolean => [...w].some((_, i) => isVowelEn(w, i));
const doubleConsonant = (w: string): boolean => w.length >= 2 && w.at(-1) === w.at(-2) && !isVowelEn(w, w.length - 1);
/** Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
const cvc = (w: string): boolean => {
  const n = w.length;
  return n >= 3 && !isVowelEn(w, n - 1) && isVowelEn(w, n - 2) && !isVowelEn(w, n - 3) && !'wxy'.includes(w[n - 1]!);
};

const STEP2: [string, string][] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'],
  ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
  ['iviti', 'ive'], ['biliti', 'ble'],
];
const STEP3: [string, string][] = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

/** Replaces the first matching suffix when what is left has a measure above `minM`. */
function replaceSuffix(w: string, rules: [string, string][], minM: number): string {
  for (const [from, to] of rules) {
    if (!w.endsWith(from)) continue;
    const base = w.slice(0, -from.length);
    return measure(base) > minM ? base + to : w;
  }
  return w;
}

/** The Porter stem of an English word ("nursing" -> "nurs", "caring" -> "care"). */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);
  // Step 1b: -ed, -ing.
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith('ed') ? 'ed' : w.endsWith('ing') ? 'ing' : '';
    if (suffix && hasVowel(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (doubleConsonant(w) && !'lsz'.includes(w.at(-1)!)) w = w.slice(0, -1);
      else if (measure(w) === 1 && cvc(w)) w += 'e';
    }
  }
  // Step 1c: y -> i after a vowel-bearing stem.
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  w = replaceSuffix(w, STEP2, 0);
  w = replaceSuffix(w, STEP3, 0);
  // Step 4: drop a derivational suffix from a long enough stem.
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (measure(base) > 1 && (suffix !== 'ion' || /[st]$/.test(base))) w = base;
    break;
  }
  // Step 5: a final e, a final double l.
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !cvc(base))) w = base;
  }
  if (measure(w) > 1 && w.endsWith('ll')) w = w.slice(0, -1);
  return w;
}

const VOWELS_NL = 'aeiouyè';
const isVowelNl = (c: string | undefined): boolean => c !== undefined && VOWELS_NL.includes(c);

/** Snowball's R1 start for Dutch: after the first consonant that follows a vowel, at least 3 in. */
function regionStart(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowelNl(w[i]) && isVowelNl(w[i - 1])) return i + 1;
  return w.length;
}

const undoubleNl = (w: string): string => (/(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w);

/** The Snowball stem of a Dutch word ("wachtlijsten" -> "wachtlijst", "eenzaamheid" -> "eenzam"). */
export function stemDutch(word: string): string {
  // i and y between vowels (and a leading y) are consonants: mark them upper case while stemming.
  let w = word.replace(/^y/, 'Y');
  w = w.replace(/([aeiouyè])y/g, '$1Y').replace(/([aeiouyè])i(?=[aeiouyè])/g, '$1I');
  const r1 = Math.max(3, regionStart(w, 0));
  const r2 = regionStart(w, r1 - 1);
  const inR1 = (len: number) => w.length - len >= r1;
  const inR2 = (len: number) => w.length - len >= r2;
  const validEn = (base: string) => base.length > 0 && !isVowelNl(base.at(-1)) && !base.endsWith('gem');
  const dropEn = () => {
    for (const suffix of ['ene', 'en']) {
      if (w.endsWith(suffix) && inR1(suffix.length) && validEn(w.slice(0, -suffix.length))) {
        w = undoubleNl(w.slice(0, -suffix.length));
        return;
      }
    }
  };
  // Step 1: -heden, -en(e), -s(e).
  if (w.endsWith('heden')) {
    if (inR1(5)) w = `${w.slice(0, -5)}heid`;
  } else if (w.endsWith('ene') || w.endsWith('en')) dropEn();
  else {
    for (const suffix of ['se', 's']) {
      if (!w.endsWith(suffix)) continue;
      const base = w.slice(0, -suffix.length);
      if (inR1(suffix.length) && base.length > 0 && !isVowelNl(base.at(-1)) && !base.endsWith('j')) w = base;
      break;
    }
  }
  // Step 2: a final e after a consonant.
  let eFound = false;
  if (w.endsWith('e') && inR1(1) && !isVowelNl(w.at(-2))) {
    w = undoubleNl(w.slice(0, -1));
    eFound = true;
  }
  // Step 3a: -heid.
  if (w.endsWith('heid') && inR2(4) && w.at(-5) !== 'c') {
    w = w.slice(0, -4);
    dropEn();
  }
  // Step 3b: derivational suffixes.
  if ((w.endsWith('end') || w.endsWith('ing')) && inR2(3)) {
    w = w.slice(0, -3);
    if (w.endsWith('ig') && inR2(2) && w.at(-3) !== 'e') w = w.slice(0, -2);
    else w = undoubleNl(w);
  } else if (w.endsWith('ig') && inR2(2) && w.at(-3) !== 'e') w = w.slice(0, -2);
  else if (w.endsWith('lijk') && inR2(4)) {
    w = w.slice(0, -4);
    if (w.endsWith('e') && inR1(1) && !isVowelNl(w.at(-2))) w = undoubleNl(w.slice(0, -1));
  } else if (w.endsWith('baar') && inR2(4)) w = w.slice(0, -4);
  else if (w.endsWith('bar') && inR2(3) && eFound) w = w.slice(0, -3);
  // Step 4: undouble a vowel in a closing syllable ("maan" -> "man").
  const m = /([^aeiouyèI])(aa|ee|oo|uu)([^aeiouyèI])$/.exec(w);
  if (m) w = w.slice(0, -3) + m[2]![0] + m[3];
  return w.toLowerCase();
}
