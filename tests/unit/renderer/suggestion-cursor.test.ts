/**
 * The suggestion cursor (renderer/state/suggestion-cursor.ts): which suggestion a selection or
 * caret is on, Tab's next / previous in text order (skipping those just decided), and the status
 * bar's sentences after an accept, on the suggestions the baseline engine makes for a real sentence.
 */
import { describe, expect, it } from 'vitest';
import { applyOperations, type Operation } from '../../../shared/model/operations';
import { suggest } from '../../../shared/suggest/engine';
import { acceptOps, visibleSuggestions } from '../../../shared/suggest/accept';
import { occurrenceSuggestions } from '../../../shared/suggest/occurrences';
import type { Suggestion } from '../../../shared/suggest/types';
import type { DocumentData } from '../../../shared/model/types';
import {
  acceptedAllMessage,
  acceptedMessage,
  arcsOf,
  coveredKeys,
  adjacentSuggestion,
  countsByLabel,
  suggestionAt,
} from '../../../renderer/state/suggestion-cursor';

const TEXT = '"We will talk again," Hill said on Monday. Later, "No deal yet," Sasae told reporters.';
const blocks = [{ type: 'paragraph' as const, start: 0, end: TEXT.length }];
const set = suggest({ text: TEXT, blocks });
const all = set.suggestions;
/** The suggestion of `label` whose text is `quote`. */
const find = (label: string, quote: string): Suggestion => {
  const s = all.find((x) => x.label === label && TEXT.slice(x.start, x.end) === quote);
  if (!s) throw new Error(`no ${label} “${quote}” among ${all.map((x) => x.key).join(', ')}`);
  return s;
};
const doc: DocumentData = {
  id: 'd1',
  title: 't',
  text: TEXT,
  blocks,
  annotations: [],
  relations: [],
  status: 'new',
} as unknown as DocumentData;
const stamp = (() => {
  let n = 0;
  return { author: 'ana', now: '2026-01-01T00:00:00.000Z', newId: () => `id${++n}` };
})();

describe('suggestionAt', () => {
  const claim = find('Claim', '"We will talk again,"');
  const hill = find('Source', 'Hill');
  it('finds the suggestion a selection has exactly', () => {
    expect(suggestionAt(all, hill.start, hill.end)).toBe(hill);
    expect(suggestionAt(all, claim.start, claim.end)).toBe(claim);
  });
  it('finds the suggestion around a caret, at its edges too', () => {
    expect(suggestionAt(all, hill.start + 1, hill.start + 1)).toBe(hill);
    expect(suggestionAt(all, hill.end, hill.end)).toBe(hill);
  });
  it('is null on text no suggestion covers, and for a selection running past one', () => {
    const monday = TEXT.indexOf('Monday');
    expect(suggestionAt(all, monday, monday)).toBeNull();
    expect(suggestionAt(all, hill.start, hill.end + 4)).toBeNull();
  });
});

describe('adjacentSuggestion', () => {
  const inOrder = [...all].sort((a, b) => a.start - b.start || b.end - a.end);
  it('goes through every suggestion in text order and back, and stops at either end', () => {
    const forward: Suggestion[] = [];
    for (let s = adjacentSuggestion(all, 0, 1); s; s = adjacentSuggestion(all, s, 1)) forward.push(s);
    expect(forward).toEqual(inOrder);
    const backward: Suggestion[] = [];
    for (let s = adjacentSuggestion(all, TEXT.length, -1); s; s = adjacentSuggestion(all, s, -1)) backward.push(s);
    expect(backward).toEqual([...inOrder].reverse());
  });
  it('from a caret, finds the first suggestion starting at or after it', () => {
    const hill = find('Source', 'Hill');
    expect(adjacentSuggestion(all, hill.start, 1)).toBe(hill);
    expect(adjacentSuggestion(all, hill.start, -1)?.start).toBeLessThan(hill.start);
  });
  it('skips the keys it is told to (those just accepted)', () => {
    const claim = find('Claim', '"We will talk again,"');
    const skip = new Set([find('Source', 'Hill').key, find('Cue', 'said').key]);
    expect(adjacentSuggestion(all, claim, 1, skip)).toBe(find('Claim', '"No deal yet,"'));
  });
});

describe('after an accept', () => {
  it('names the accepted claim and what came with it, and the suggestions it settled', () => {
    const claim = find('Claim', '"We will talk again,"');
    const ops: Operation[] = acceptOps(doc, set, [claim.key], new Set(), stamp);
    expect(acceptedMessage(TEXT, claim, ops, [])).toBe('Accepted: Claim “"We will talk again,"” with its source and cue.');
    expect(coveredKeys(all, ops)).toEqual(new Set([claim.key, find('Source', 'Hill').key, find('Cue', 'said').key]));
  });
  it('names the annotation already there that the accepted claim is linked to (review of #15: the link was not told)', () => {
    const hill = find('Source', 'Hill');
    const tagged = applyOperations(doc, acceptOps(doc, set, [hill.key], new Set(), stamp));
    const claim = find('Claim', '"We will talk again,"');
    const ops = acceptOps(tagged, set, [claim.key], new Set(), stamp);
    expect(acceptedMessage(TEXT, claim, ops, tagged.annotations)).toBe(
      'Accepted: Claim “"We will talk again,"” with its cue, linked to Source “Hill”.',
    );
  });
  it('says a lone span without "with"', () => {
    const hill = find('Source', 'Hill');
    expect(acceptedMessage(TEXT, hill, acceptOps(doc, set, [hill.key], new Set(), stamp), [])).toBe('Accepted: Source “Hill”.');
  });
  it('counts what accepting all of a label made', () => {
    const claims = all.filter((s) => s.label === 'Claim');
    const ops = acceptOps(
      doc,
      set,
      claims.map((s) => s.key),
      new Set(),
      stamp,
    );
    expect(acceptedAllMessage('Claim', claims.length, ops)).toBe(
      'Accepted 2 Claim suggestions: 6 annotations and 4 links (one Undo takes them back).',
    );
  });
});

describe('countsByLabel', () => {
  it('counts per label in the order given, leaving out labels with none', () => {
    expect(countsByLabel(all, ['Claim', 'Evidence', 'Source', 'Cue'])).toEqual([
      { label: 'Claim', count: 2 },
      { label: 'Source', count: 2 },
      { label: 'Cue', count: 2 },
    ]);
  });
});

describe('arcsOf', () => {
  const claim = find('Claim', '"We will talk again,"');
  const hill = find('Source', 'Hill');
  const said = find('Cue', 'said');
  it('gives the links of the suggestion under the cursor, with both ends, from either end', () => {
    const arcs = arcsOf(set, set, claim.key, []);
    expect(arcs.map((a) => [a.type, a.from.label, a.to.label, TEXT.slice(a.to.start, a.to.end)])).toEqual([
      ['attributed_to', 'Claim', 'Source', 'Hill'],
      ['has_cue', 'Claim', 'Cue', 'said'],
    ]);
    expect(arcsOf(set, set, hill.key, []).map((a) => a.from)).toEqual([{ start: claim.start, end: claim.end, label: 'Claim' }]);
    expect(arcsOf(set, set, null, [])).toEqual([]);
  });
  it('keeps a link to an end already tagged, and drops one to a rejected end', () => {
    const tagged = {
      ...doc,
      annotations: [
        { id: 'h', label: 'Source', start: hill.start, end: hill.end, quote: 'Hill', attributes: {}, author: 'a', createdAt: '', updatedAt: '' },
      ],
    };
    expect(arcsOf(set, visibleSuggestions(set, tagged.annotations, new Set()), claim.key, tagged.annotations).map((a) => a.type)).toEqual([
      'attributed_to',
      'has_cue',
    ]);
    expect(arcsOf(set, visibleSuggestions(set, [], new Set([said.key])), claim.key, []).map((a) => a.type)).toEqual(['attributed_to']);
  });
  it('draws an occurrence’s coref link to the mention tagged by hand (an end outside the set)', () => {
    const tagged = {
      id: 'h',
      label: 'Source',
      start: hill.start,
      end: hill.end,
      quote: 'Hill',
      attributes: {},
      author: 'a',
      createdAt: '',
      updatedAt: '',
    };
    const text = `${TEXT} Hill agreed.`;
    const occ = occurrenceSuggestions(text, [tagged], [{ type: 'paragraph', start: 0, end: text.length }]);
    const other = occ.suggestions.find((s) => s.start === TEXT.length + 1)!;
    const arcs = arcsOf(occ, visibleSuggestions(occ, [tagged], new Set()), other.key, [tagged]);
    expect(arcs.map((a) => [a.type, a.from.start, a.to.start])).toEqual([['coref', other.start, hill.start]]);
  });
});
