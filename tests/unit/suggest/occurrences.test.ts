import { describe, expect, it } from 'vitest';
import type { Annotation, Block } from '../../../shared/model/types';
import { mergeSets, OCCURRENCES_PER_MENTION, occurrenceSuggestions } from '../../../shared/suggest/occurrences';
import { suggestionKey, type SuggestionSet } from '../../../shared/suggest/types';

/** One paragraph per line. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    blocks.push({ type: 'paragraph', start, end: start + line.length });
    start += line.length + 1;
  }
  return blocks;
}

/** A hand-tagged annotation over the first occurrence of `quote` (or the `nth`). */
function tag(text: string, label: string, quote: string, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new RangeError(`no ${quote}`);
  const now = '2026-12-06T00:00:00.000Z';
  return { id: `${label}-${start}`, label, start, end: start + quote.length, quote, attributes: {}, author: 'ana', createdAt: now, updatedAt: now };
}

const spans = (text: string, set: SuggestionSet) => set.suggestions.map((s) => [s.label, text.slice(s.start, s.end), s.rule]);

describe('every occurrence', () => {
  const text = [
    'Christopher Hill, the top U.S. envoy, arrived on Monday.',
    'Hill met the delegates; later Mr. Hill said the talks would resume. Christopher Hill left.',
    'The World Health Organization warned of a new outbreak. The WHO said more cases were likely.',
    'Hillary Clinton spoke first. Bill Clinton spoke next. Clinton then left.',
  ].join('\n');
  const blocks = blocksOf(text);

  it('proposes the full name and the surname alone (with its title) of a tagged source, each linked by coref to it', () => {
    const source = tag(text, 'Source', 'Christopher Hill, the top U.S. envoy');
    const set = occurrenceSuggestions(text, [source], blocks);
    expect(spans(text, set)).toEqual([
      ['Source', 'Hill', 'occurrence'],
      ['Source', 'Mr. Hill', 'occurrence'],
      ['Source', 'Christopher Hill', 'occurrence'],
    ]);
    const to = suggestionKey('Source', source.start, source.end);
    expect(set.links).toEqual(set.suggestions.map((s) => ({ type: 'coref', from: s.key, to })));
  });

  it('proposes the same organisation by its name and its initials, not a word that contains them', () => {
    const entity = tag(text, 'Entity', 'The World Health Organization');
    expect(spans(text, occurrenceSuggestions(text, [entity], blocks))).toEqual([['Entity', 'WHO', 'occurrence']]);
  });

  it('leaves a surname two tagged names share, and any mention an annotation of the same label already covers', () => {
    const hillary = tag(text, 'Entity', 'Hillary Clinton');
    const bill = tag(text, 'Entity', 'Bill Clinton');
    expect(spans(text, occurrenceSuggestions(text, [hillary, bill], blocks))).toEqual([]);
    const hill = tag(text, 'Source', 'Christopher Hill');
    const second = tag(text, 'Source', 'Hill', 1);
    expect(spans(text, occurrenceSuggestions(text, [hill, second], blocks)).map(([, quote]) => quote)).toEqual(['Mr. Hill', 'Christopher Hill']);
  });

  it('links each occurrence to the nearest tagged mention of its name', () => {
    const text2 = 'Maria Olsen spoke. Olsen left.\nOlsen returned. Maria Olsen smiled. Olsen waved.';
    const first = tag(text2, 'Source', 'Maria Olsen');
    const second = tag(text2, 'Source', 'Maria Olsen', 1);
    const set = occurrenceSuggestions(text2, [second, first], blocksOf(text2));
    const keyOf = (a: Annotation) => suggestionKey('Source', a.start, a.end);
    const to = new Map(set.links.map((l) => [l.from, l.to]));
    expect(set.suggestions.map((s) => [text2.slice(s.start, s.end), s.start, to.get(s.key)])).toEqual([
      ['Olsen', text2.indexOf('Olsen left'), keyOf(first)],
      ['Olsen', text2.indexOf('Olsen returned'), keyOf(second)],
      ['Olsen', text2.indexOf('Olsen waved'), keyOf(second)],
    ]);
  });

  it('proposes at most OCCURRENCES_PER_MENTION occurrences of one tagged mention, the nearest to it', () => {
    // The tagged mention in the middle of a paragraph list, with more occurrences on each side than the bound.
    const side = OCCURRENCES_PER_MENTION;
    const line = (i: number) => `Paragraph ${i}: Hill spoke.`;
    const lines = [
      ...Array.from({ length: side }, (_, i) => line(i)),
      'Christopher Hill arrived.',
      ...Array.from({ length: side }, (_, i) => line(side + i)),
    ];
    const text2 = lines.join('\n');
    const source = tag(text2, 'Source', 'Christopher Hill');
    const set = occurrenceSuggestions(text2, [source], blocksOf(text2));
    expect(set.suggestions).toHaveLength(OCCURRENCES_PER_MENTION);
    expect(set.links).toHaveLength(OCCURRENCES_PER_MENTION);
    // The nearest ones: a run of consecutive occurrences around the tagged mention, none from either end of the text.
    const all = [...text2.matchAll(/Hill spoke/g)].map((m) => m.index);
    const kept = set.suggestions.map((s) => s.start);
    const first = all.indexOf(kept[0]!);
    expect(kept).toEqual(all.slice(first, first + OCCURRENCES_PER_MENTION));
    expect(first).toBeGreaterThan(0);
    expect(first + OCCURRENCES_PER_MENTION).toBeLessThan(all.length);
    expect(kept[0]).toBeLessThan(source.start);
    expect(kept[kept.length - 1]).toBeGreaterThan(source.end);
  });

  it('proposes nothing for a pronoun, a description or a claim', () => {
    const text2 = 'He said officials would decide. He left.';
    const annotations = [tag(text2, 'Source', 'He'), tag(text2, 'Source', 'officials'), tag(text2, 'Claim', 'officials would decide')];
    expect(occurrenceSuggestions(text2, annotations, blocksOf(text2))).toEqual({ suggestions: [], links: [] });
  });

  it('mergeSets keeps each span and link once, the first set winning, in text order', () => {
    const a: SuggestionSet = {
      suggestions: [{ key: 'Source:10-14', label: 'Source', start: 10, end: 14, attributes: {}, rule: 'said-clause' }],
      links: [{ type: 'coref', from: 'Source:10-14', to: 'Source:0-4' }],
    };
    const b: SuggestionSet = {
      suggestions: [
        { key: 'Source:20-24', label: 'Source', start: 20, end: 24, attributes: {}, rule: 'occurrence' },
        { key: 'Source:10-14', label: 'Source', start: 10, end: 14, attributes: {}, rule: 'occurrence' },
      ],
      links: [
        { type: 'coref', from: 'Source:10-14', to: 'Source:0-4' },
        { type: 'coref', from: 'Source:20-24', to: 'Source:0-4' },
      ],
    };
    const merged = mergeSets(a, b);
    expect(merged.suggestions.map((s) => [s.key, s.rule])).toEqual([
      ['Source:10-14', 'said-clause'],
      ['Source:20-24', 'occurrence'],
    ]);
    expect(merged.links).toEqual([a.links[0], b.links[1]]);
  });
});
