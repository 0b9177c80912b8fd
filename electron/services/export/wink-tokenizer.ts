/**
 * The tokenizer of the token export formats: wink-nlp with its English lite model
 * (wink-eng-lite-web-model), which ships inside its npm package and loads offline in about half a
 * second. Only sentence boundary detection runs on top of tokenization. Loaded on first use, not
 * on import: the model takes about 50 MB, which the other formats (and the rest of the app) need
 * not pay.
 */
import { createRequire } from 'node:module';
import type { Model, WinkMethods } from 'wink-nlp';
import { tokensFromPieces, type Tokenizer } from '../../../shared/export/tokens';

const require = createRequire(import.meta.url);
let nlp: WinkMethods | null = null;

/** The versions installed, for the name written into exports. */
function versionOf(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown'; // the name still says which library; the version is a courtesy
  }
}

/**
 * The wink-nlp tokenizer (loads the library and its model on first call).
 * @returns a Tokenizer whose name gives both packages and their versions
 */
export function winkTokenizer(): Tokenizer {
  nlp ??= (require('wink-nlp') as (model: Model, pipe: string[]) => WinkMethods)(require('wink-eng-lite-web-model') as Model, ['sbd']);
  const wink = nlp;
  const its = wink.its;
  return {
    name: `wink-nlp ${versionOf('wink-nlp')} (wink-eng-lite-web-model ${versionOf('wink-eng-lite-web-model')})`,
    tokenize(text) {
      const doc = wink.readDoc(text);
      const pieces = doc.tokens().out(its.value) as string[];
      // Sentence spans are [first, last] token indices.
      const starts = (doc.sentences().out(its.span) as unknown as [number, number][]).map(([first]) => first);
      return tokensFromPieces(text, pieces, starts);
    },
  };
}
