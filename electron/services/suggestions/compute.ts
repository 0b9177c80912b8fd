/**
 * Running the suggestion engine in the service (#15): `suggestSteps` over an article, giving the
 * event loop a turn whenever a stretch of work passes the time slicer's budget (the service keeps
 * answering other calls during a long article), with the result kept in memory per (text hash,
 * lexicon version) so that asking again for an unchanged article costs a map lookup. Computing the
 * same article twice at once shares one run. Knows nothing of files or layers.
 */
import type { Block } from '../../../shared/model/types';
import { suggestSteps } from '../../../shared/suggest/engine';
import type { Lexicon, SuggestionSet } from '../../../shared/suggest/types';
import { timeSlicer } from '../store/time-slice';
import { textHash } from '../workspace/files';

/** How many articles' sets are kept (the least recently used goes first). */
const CACHE_SIZE = 200;

/** The workspace lexicon at one moment: its words and a version that changes whenever they do. */
export type VersionedLexicon = Readonly<{ version: number; lexicon: Lexicon }>;

/** The article an engine run reads. */
export type SuggestArticle = Readonly<{ text: string; blocks: readonly Block[] }>;

/** Runs the engine over articles and remembers the recent results. */
export class SuggestionCache {
  private readonly sets = new Map<string, Promise<SuggestionSet>>();
  /** The last text hashed and its hash, so that the same (kept-open) article is not hashed again on every call. */
  private lastText: { text: string; hash: string } | null = null;

  /**
   * The engine's suggestions for an article with the given lexicon, computed in time slices once per (text, lexicon version).
   * @returns the set, in the engine's UTF-16 offsets
   */
  suggestionsFor(article: SuggestArticle, lexicon: VersionedLexicon): Promise<SuggestionSet> {
    const key = `${this.hashOf(article.text)}\u0000${lexicon.version}`;
    const known = this.sets.get(key);
    if (known) {
      // Most recently used last, so the first key is the one to drop.
      this.sets.delete(key);
      this.sets.set(key, known);
      return known;
    }
    const run = runInSlices(article, lexicon.lexicon);
    this.sets.set(key, run);
    run.catch(() => this.sets.delete(key)); // a failed run is not remembered; the caller hears of it
    while (this.sets.size > CACHE_SIZE) this.sets.delete(this.sets.keys().next().value!);
    return run;
  }

  private hashOf(text: string): string {
    if (this.lastText?.text !== text) this.lastText = { text, hash: textHash(text) };
    return this.lastText.hash;
  }
}

/** Runs the engine's steps, pausing whenever the time slice is used up. */
async function runInSlices(article: SuggestArticle, lexicon: Lexicon): Promise<SuggestionSet> {
  const pause = timeSlicer();
  const steps = suggestSteps({ text: article.text, blocks: article.blocks, lexicon });
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
