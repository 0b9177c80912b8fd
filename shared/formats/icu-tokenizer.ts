/**
 * The tokenizer of the token export formats: the platform's ICU segmentation (Intl.Segmenter),
 * which ships inside Node and Chromium, so there is no model to load. Every word segment that is
 * not whitespace is a token (words, numbers, and each punctuation mark or symbol); CJK and Thai
 * are split into words by ICU's dictionaries ("U.S." is "U.S" and "."). Sentences come from ICU's
 * sentence segmentation, less its breaks after a title or initials ("Dr. Smith", "J. Smith",
 * "U.S. Envoy"), which the runtime's ICU does not suppress itself. Locale 'en': documents carry
 * no language.
 */
import { tokensFromPieces, type Tokenizer } from './tokens';

const LOCALE = 'en';
/** A sentence that ends so is taken to go on: initials ("U.S.", "J.") or a title ("Dr."). */
const ABBREVIATION = /(?:^|[^\p{L}.])(?:\p{L}\.)+$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Mt|Rev|Hon|Jr|Sr)\.$/u;
let words: Intl.Segmenter | null = null;
let sentences: Intl.Segmenter | null = null;

/**
 * The ICU tokenizer (creates its segmenters on first call and keeps them).
 * @param icuVersion the ICU version of the runtime (`process.versions.icu`), for the name written into exports
 */
export function icuTokenizer(icuVersion: string): Tokenizer {
  words ??= new Intl.Segmenter(LOCALE, { granularity: 'word' });
  sentences ??= new Intl.Segmenter(LOCALE, { granularity: 'sentence' });
  const wordSegmenter = words;
  const sentenceSegmenter = sentences;
  return {
    name: `Intl.Segmenter word and sentence (ICU ${icuVersion}, ${LOCALE})`,
    tokenize(text) {
      const pieces: string[] = [];
      const sentenceFirstPiece: number[] = [];
      let previous = '';
      for (const sentence of sentenceSegmenter.segment(text)) {
        if (!ABBREVIATION.test(previous.trimEnd())) sentenceFirstPiece.push(pieces.length);
        previous = sentence.segment;
        // Word by word within each sentence: V8's word iterator costs more per step the longer its
        // text (a 70,000-character text goes ~25 times slower than its sentences one by one).
        // Whitespace-only segments are dropped by tokensFromPieces; a segment mixing whitespace with
        // other characters (a combining mark after a space) is split there.
        for (const word of wordSegmenter.segment(sentence.segment)) pieces.push(word.segment);
      }
      return tokensFromPieces(text, pieces, sentenceFirstPiece);
    },
  };
}
