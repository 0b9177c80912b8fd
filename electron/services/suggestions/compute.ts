/**
 * Running the suggestion engine in the service (#15): `suggestSteps` over an article, then the
 * set fitted to the workspace schema, giving the event loop a turn whenever a stretch of work
 * passes the time slicer's budget (the service keeps answering other calls during a long article),
 * with the fitted result kept in memory per (text hash, lexicon version, schema) so that asking
 * again for an unchanged article costs a map lookup. The memory is bounded by the number of
 * articles and by their total length (a set takes several times its article's size), the least
 * recently used going first. Computing the same article twice at once shares one run. Knows
 * nothing of files or layers.
 */
import type { Block, Schema } from '../../../shared/model/types';
import { endLabels, fitSuggestion, linkFits } from '../../../shared/suggest/accept';
import { suggestSteps } from '../../../shared/suggest/engine';
import type { Lexicon, SuggestedLink, Suggestion, SuggestionSet } from '../../../shared/suggest/types';
import { timeSlicer, type Pause } from '../store/time-slice';
import { textHash } from '../workspace/files';

/** How much the cache keeps: at most `articles` sets, of articles of at most `textLength` UTF-16 code units in all. */
export type CacheBounds = Readonly<{ articles: number; textLength: number }>;

/** The service's bounds: 200 articles, 20 MB of their text (a 1 MB article's set takes some 8 MB). */
export const CACHE_BOUNDS: CacheBounds = { articles: 200, textLength: 20_000_000 };

/** How many suggestions (or links) are fitted to the schema between two pauses. */
const FIT_CHUNK = 2_000;

/** The workspace lexicon at one moment: its words and a version that changes whenever they do. */
export type VersionedLexicon = Readonly<{ version: number; lexicon: Lexicon }>;

/** The article an engine run reads. */
export type SuggestArticle = Readonly<{ text: string; blocks: readonly Block[] }>;

/** A remembered run and the length of its article's text (what it counts against CacheBounds.textLength). */
type Entry = Readonly<{ run: Promise<SuggestionSet>; length: number }>;

/** Runs the engine over articles and remembers the recent results. */
export class SuggestionCache {
  /** In order of use, the least recently used first. */
  private readonly sets = new Map<string, Entry>();
  private textLength = 0;
  /** A number per schema object asked with (a changed schema is a new object). */
  private readonly schemaIds = new WeakMap<Schema, number>();
  private lastSchemaId = 0;
  /** The last text hashed and its hash, so that the same (kept-open) article is not hashed again on every call. */
  private lastText: { text: string; hash: string } | null = null;

  /** @param bounds how much to keep (CACHE_BOUNDS unless a test asks for less) */
  constructor(private readonly bounds: CacheBounds = CACHE_BOUNDS) {}

  /**
   * The engine's suggestions for an article with the given lexicon, fitted to `schema` (fitToSchema),
   * computed in time slices once per (text, lexicon version, schema).
   * @returns the set, in the engine's UTF-16 offsets
   */
  suggestionsFor(article: SuggestArticle, lexicon: VersionedLexicon, schema: Schema): Promise<SuggestionSet> {
    const key = `${this.textHashOf(article.text)}\u0000${lexicon.version}\u0000${this.schemaId(schema)}`;
    const known = this.sets.get(key);
    if (known) {
      // Most recently used last, so the first key is the one to drop.
      this.sets.delete(key);
      this.sets.set(key, known);
      return known.run;
    }
    const entry: Entry = { run: runInSlices(article, lexicon.lexicon, schema), length: article.text.length };
    this.sets.set(key, entry);
    this.textLength += entry.length;
    entry.run.catch(() => this.drop(key, entry)); // a failed run is not remembered; the caller hears of it
    // The newest entry stays even when it alone passes the bounds: its caller is waiting for it.
    while (this.sets.size > 1 && (this.sets.size > this.bounds.articles || this.textLength > this.bounds.textLength)) {
      const [oldest, old] = this.sets.entries().next().value!;
      this.drop(oldest, old);
    }
    return entry.run;
  }

  /** textHash of an article's text, remembered for the last text asked (the article kept open is not hashed again on every call). */
  textHashOf(text: string): string {
    if (this.lastText?.text !== text) this.lastText = { text, hash: textHash(text) };
    return this.lastText.hash;
  }

  /** Forgets `key` if it still holds `entry` (a failed run may have been dropped, or replaced, already). */
  private drop(key: string, entry: Entry): void {
    if (this.sets.get(key) !== entry) return;
    this.sets.delete(key);
    this.textLength -= entry.length;
  }

  private schemaId(schema: Schema): number {
    let id = this.schemaIds.get(schema);
    if (id === undefined) this.schemaIds.set(schema, (id = ++this.lastSchemaId));
    return id;
  }
}

/** Runs the engine's steps, then fits the set to the schema, pausing whenever the time slice is used up. */
async function runInSlices(article: SuggestArticle, lexicon: Lexicon, schema: Schema): Promise<SuggestionSet> {
  const pause = timeSlicer();
  const steps = suggestSteps({ text: article.text, blocks: article.blocks, lexicon });
  for (;;) {
    const next = steps.next();
    if (next.done) return fitInSlices(next.value, schema, pause);
    await pause();
  }
}

/**
 * fitToSchema in pieces, with a pause after each: the suggestions `chunk` at a time, then the
 * links `chunk` at a time. The same result as fitToSchema(set, schema), without holding the event
 * loop for a 1 MB article's whole set.
 * @param chunk how many suggestions or links each piece holds
 */
export async function fitInSlices(set: SuggestionSet, schema: Schema, pause: Pause, chunk = FIT_CHUNK): Promise<SuggestionSet> {
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < set.suggestions.length; i += chunk) {
    for (const s of set.suggestions.slice(i, i + chunk)) {
      const fitted = fitSuggestion(s, schema);
      if (fitted) suggestions.push(fitted);
    }
    await pause();
  }
  const endLabel = endLabels(set, suggestions);
  const links: SuggestedLink[] = [];
  for (let i = 0; i < set.links.length; i += chunk) {
    links.push(...set.links.slice(i, i + chunk).filter((l) => linkFits(l, endLabel, schema)));
    await pause();
  }
  return { suggestions, links };
}
