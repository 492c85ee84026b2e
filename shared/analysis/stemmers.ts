/**
 * Stemmers for the two languages of a workshop wall: Martin Porter's English algorithm and the
 * Snowball Dutch rules, from the `snowball-stemmers` package.
 *
 * Why: "caring", "cares" and "care" must meet, and so must "wachtlijsten" and "wachtlijst",
 * "eenzaamheid" and "eenzame", without a dictionary or a service. The Snowball algorithms are
 * published and deterministic, so every device and the server stem alike; the package is the
 * JavaScript port of them (Porter rather than Porter2 for English: it groups the test walls'
 * themes a little better), kept here behind two functions so the rest of the analysis never sees it.
 */
import snowball from 'snowball-stemmers';

const english = snowball.newStemmer('porter');
const dutch = snowball.newStemmer('dutch');

/** The Porter stem of an English word ("nursing" -> "nurs", "caring" -> "care"). */
export function stemEnglish(word: string): string {
  return english.stem(word);
}

/** The Snowball stem of a Dutch word ("wachtlijsten" -> "wachtlijst", "eenzaamheid" -> "eenzam"). */
export function stemDutch(word: string): string {
  return dutch.stem(word);
}
