/**
 * The service's engine runs (#15, electron/services/suggestions/compute.ts) on the envoy sample:
 * the set is fitted to the schema in time slices with the same result as fitToSchema in one go,
 * and the cache is bounded by the total length of its articles as well as their number, the
 * least recently used going first.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitInSlices, SuggestionCache, type SuggestArticle } from '../../electron/services/suggestions/compute';
import { blocksOfPlainText } from '../../shared/formats/brat';
import { DEFAULT_SCHEMA } from '../../shared/model/default-schema';
import type { Schema } from '../../shared/model/types';
import { CUE_LABEL } from '../../shared/model/vocabulary';
import { fitToSchema } from '../../shared/suggest/accept';
import { suggest } from '../../shared/suggest/engine';
import { SAMPLES } from './support/temp';

const NO_LEXICON = { version: 0, lexicon: { cues: [], sources: [] } };

const article = (text: string): SuggestArticle => ({ text, blocks: blocksOfPlainText(text) });

/** The default schema without Cue: the engine's cues and has_cue links do not fit it. */
const NO_CUES: Schema = { ...DEFAULT_SCHEMA, labels: DEFAULT_SCHEMA.labels.filter((l) => l.name !== CUE_LABEL) };

describe('the service’s engine runs', () => {
  it('fits the set to the schema in slices, with the same result as fitToSchema', async () => {
    const envoy = article(await readFile(join(SAMPLES, 'us-envoy-arrives-in-japan.txt'), 'utf8'));
    const set = suggest(envoy);
    const whole = fitToSchema(set, NO_CUES);
    expect(whole.suggestions.length).toBeLessThan(set.suggestions.length); // the schema does drop something
    expect(whole.links.length).toBeLessThan(set.links.length);
    let pauses = 0;
    const sliced = await fitInSlices(set, NO_CUES, async () => void pauses++, 3);
    expect(sliced).toEqual(whole);
    expect(pauses).toBeGreaterThan(2);
    expect(await new SuggestionCache().suggestionsFor(envoy, NO_LEXICON, NO_CUES)).toEqual(whole);
  });

  it('keeps at most the bounded length of articles, dropping the least recently used', async () => {
    const texts = ['Ann', 'Bob', 'Cleo', 'Dan'].map((name) => `"We will wait ${'and see '.repeat(100)}," ${name} said.`);
    const [a, b, c, d] = texts.map(article);
    const cache = new SuggestionCache({ articles: 10, textLength: 3 * texts[0]!.length + 10 });
    const first = await cache.suggestionsFor(a!, NO_LEXICON, DEFAULT_SCHEMA);
    const second = await cache.suggestionsFor(b!, NO_LEXICON, DEFAULT_SCHEMA);
    await cache.suggestionsFor(c!, NO_LEXICON, DEFAULT_SCHEMA);
    expect(await cache.suggestionsFor(a!, NO_LEXICON, DEFAULT_SCHEMA)).toBe(first); // kept, and now the most recently used
    await cache.suggestionsFor(d!, NO_LEXICON, DEFAULT_SCHEMA); // past the bound: b, the least recently used, goes
    expect(await cache.suggestionsFor(a!, NO_LEXICON, DEFAULT_SCHEMA)).toBe(first);
    const again = await cache.suggestionsFor(b!, NO_LEXICON, DEFAULT_SCHEMA);
    expect(again).not.toBe(second); // computed again
    expect(again).toEqual(second);
  });
});
