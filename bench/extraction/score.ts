/**
 * Token-level scoring of an extracted article body against its hand-written expected body, as
 * extraction benchmarks score it: both texts become bags of word tokens, and precision, recall
 * and F1 count the tokens they share (each token as often as it occurs in both). Pure: no file
 * system, no DOM.
 */

/** A run of letters, digits and combining marks. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Han, kana and Hangul have no spaces between words: each character is one token. */
const IDEOGRAPH = /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/u;

/**
 * The tokens of a text: NFKC-normalised, lowercased word runs (letters, digits, combining marks),
 * each Han/kana/Hangul character on its own. Punctuation and whitespace are not tokens.
 * @returns the tokens in text order, possibly none
 */
export function tokenize(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
  return words.flatMap((word) => (IDEOGRAPH.test(word) ? word.split(IDEOGRAPH).filter((part) => part !== '') : [word]));
}

/** How well one extraction matches its expected text; counts are tokens. */
export type Score = Readonly<{ extracted: number; expected: number; shared: number; precision: number; recall: number; f1: number }>;

/**
 * Scores an extracted text against the expected one.
 * Two empty texts score 1 (nothing to find, nothing found); an empty extraction of a non-empty
 * expectation scores 0, and so does any extraction of an empty expectation.
 * @returns precision = shared / extracted, recall = shared / expected, F1 their harmonic mean
 */
export function scoreTokens(extracted: string, expected: string): Score {
  const got = tokenize(extracted);
  const want = tokenize(expected);
  const remaining = new Map<string, number>();
  for (const token of want) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of got) {
    const left = remaining.get(token) ?? 0;
    if (left > 0) {
      shared += 1;
      remaining.set(token, left - 1);
    }
  }
  return fromCounts(got.length, want.length, shared);
}

/** Micro and macro averages over a set of pages. */
export type Averages = Readonly<{ micro: Score; macroPrecision: number; macroRecall: number; macroF1: number }>;

/**
 * Averages page scores: micro pools the token counts of every page (long pages weigh more),
 * macro is the mean of the per-page figures (every page weighs the same).
 * @throws RangeError for an empty list (there is no average of nothing)
 */
export function averageScores(scores: readonly Score[]): Averages {
  if (scores.length === 0) throw new RangeError('averageScores needs at least one score');
  const sum = (pick: (s: Score) => number): number => scores.reduce((total, s) => total + pick(s), 0);
  return {
    micro: fromCounts(
      sum((s) => s.extracted),
      sum((s) => s.expected),
      sum((s) => s.shared),
    ),
    macroPrecision: sum((s) => s.precision) / scores.length,
    macroRecall: sum((s) => s.recall) / scores.length,
    macroF1: sum((s) => s.f1) / scores.length,
  };
}

function fromCounts(extracted: number, expected: number, shared: number): Score {
  if (extracted === 0 && expected === 0) return { extracted, expected, shared, precision: 1, recall: 1, f1: 1 };
  const precision = extracted === 0 ? 0 : shared / extracted;
  const recall = expected === 0 ? 0 : shared / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { extracted, expected, shared, precision, recall, f1 };
}
