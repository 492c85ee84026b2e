/**
 * Types for `snowball-stemmers`, which ships none: the one call the analysis uses.
 *
 * Why: the stemmers are typed where they enter the code base, so a wrong language name is a type error.
 */
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: {
    newStemmer(language: 'english' | 'dutch' | 'porter'): Stemmer;
    algorithms(): string[];
  };
  export default snowball;
}
