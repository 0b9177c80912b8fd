/** The suggestions bench's measure (exact and overlap matching, links, micro-averaging) and its PolNeAR loader, on hand-written articles. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPolnearSplit, parsePolnearAnn } from '../../../bench/suggest/polnear';
import { addCounts, annotatedOfSuggestions, EMPTY_COUNTS, matchSpans, prf, scoreArticle, type Annotated } from '../../../bench/suggest/score';
import { suggestionKey } from '../../../shared/suggest/types';

const span = (label: string, start: number, end: number) => ({ label, start, end });

describe('matchSpans', () => {
  const gold = [span('Claim', 10, 30)];

  it('exact matching needs the same bounds; overlap needs one shared character', () => {
    const predicted = [span('Claim', 11, 30), span('Claim', 30, 40)];
    expect(matchSpans(gold, predicted, 'exact')).toEqual([-1, -1]);
    expect(matchSpans(gold, predicted, 'overlap')).toEqual([0, -1]);
  });

  it('matches one to one: two predictions over one gold span give one match', () => {
    expect(matchSpans(gold, [span('Claim', 10, 20), span('Claim', 20, 30)], 'overlap').filter((g) => g !== -1)).toHaveLength(1);
  });

  it('takes the pair sharing most characters first', () => {
    // The second prediction shares 15 characters with the gold span, the first 5: the second wins.
    expect(matchSpans(gold, [span('Claim', 5, 15), span('Claim', 12, 27)], 'overlap')).toEqual([-1, 0]);
    // Two gold spans, one prediction across both: it takes the one it shares more with.
    expect(matchSpans([span('Claim', 0, 10), span('Claim', 10, 30)], [span('Claim', 8, 20)], 'overlap')).toEqual([1]);
  });

  it('never matches across labels', () => {
    expect(matchSpans(gold, [span('Source', 10, 30)], 'overlap')).toEqual([-1]);
  });
});

describe('scoreArticle', () => {
  // "Officials said the plan works": Source 0-9, Cue 10-14, Claim 15-29.
  const gold: Annotated = {
    spans: [span('Source', 0, 9), span('Cue', 10, 14), span('Claim', 15, 29)],
    links: [
      { type: 'attributed_to', from: 2, to: 0 },
      { type: 'has_cue', from: 2, to: 1 },
    ],
  };

  it('counts a link as found when its ends match the ends of a gold link of its type', () => {
    const predicted: Annotated = {
      spans: [span('Source', 0, 9), span('Cue', 10, 14), span('Claim', 19, 29)],
      links: [
        { type: 'attributed_to', from: 2, to: 0 },
        { type: 'has_cue', from: 2, to: 1 },
      ],
    };
    const c = scoreArticle(gold, predicted);
    // The claim's bounds differ: under exact matching its links have no gold end; under overlap both are found.
    expect(c.exact.links.all).toEqual({ gold: 2, predicted: 2, matched: 0 });
    expect(c.overlap.links.all).toEqual({ gold: 2, predicted: 2, matched: 2 });
    expect(c.exact.spans.all).toEqual({ gold: 3, predicted: 3, matched: 2 });
    expect(c.overlap.spans.Claim).toEqual({ gold: 1, predicted: 1, matched: 1 });
  });

  it('does not count a link whose ends match spans that gold does not link that way', () => {
    const predicted: Annotated = {
      spans: [span('Source', 0, 9), span('Cue', 10, 14), span('Claim', 15, 29)],
      links: [{ type: 'has_cue', from: 2, to: 0 }], // has_cue to the source: wrong ends for its type
    };
    expect(scoreArticle(gold, predicted).overlap.links.has_cue).toEqual({ gold: 1, predicted: 1, matched: 0 });
  });

  it('leaves Entity spans and coref links out of both sides', () => {
    const predicted: Annotated = { spans: [span('Entity', 0, 9), span('Source', 0, 9)], links: [{ type: 'coref', from: 1, to: 0 }] };
    const c = scoreArticle(gold, predicted);
    expect(c.overlap.spans.all.predicted).toBe(1);
    expect(c.overlap.links.all.predicted).toBe(0);
  });

  it('micro-averages: counts of two articles add up before P/R/F1 are taken', () => {
    const perfect = scoreArticle(gold, gold);
    const empty = scoreArticle(gold, { spans: [], links: [] });
    const sum = addCounts(addCounts(EMPTY_COUNTS, perfect), empty);
    expect(sum.overlap.spans.all).toEqual({ gold: 6, predicted: 3, matched: 3 });
    // Macro would average recall 1 and 0 (and precision 1 and 0 for the empty article); micro gives P 1, R 0.5.
    expect(prf(sum.overlap.spans.all)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
  });
});

describe('annotatedOfSuggestions', () => {
  it('converts the engine’s UTF-16 offsets to code points and its link keys to span indexes', () => {
    const text = '😀 Ann said "yes".';
    const claim = { key: suggestionKey('Claim', 12, 17), label: 'Claim', start: 12, end: 17, attributes: {}, rule: 'r' };
    const source = { key: suggestionKey('Source', 3, 6), label: 'Source', start: 3, end: 6, attributes: {}, rule: 'r' };
    const a = annotatedOfSuggestions({ suggestions: [source, claim], links: [{ type: 'attributed_to', from: claim.key, to: source.key }] }, text);
    expect(a.spans).toEqual([span('Source', 2, 5), span('Claim', 11, 16)]);
    expect(a.links).toEqual([{ type: 'attributed_to', from: 1, to: 0 }]);
  });

  it('refuses a link to a key the set does not hold', () => {
    expect(() => annotatedOfSuggestions({ suggestions: [], links: [{ type: 'has_cue', from: 'Claim:0-1', to: 'Cue:1-2' }] }, 'ab')).toThrow(
      /no span/,
    );
  });
});

describe('PolNeAR loader', () => {
  // An emoji (two UTF-16 units, one code point) before the spans: offsets below are code points.
  const text = '😀 Ann Lee said on Monday\nthat taxes rise.\n\nBob agreed.\n';
  //            0 2   6   10   15    21 24   29    35     41 43  47
  const ann = [
    'T1\tSource 2 9\tAnn Lee',
    'T2\tCue 10 14\tsaid',
    'T3\tContent 15 17;25 40\ton that taxes rise',
    'T4\tAttribution 10 14\tsaid',
    'T5\tDiscard 43 46\tBob',
    'T6\tCue 47 53\tagreed',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    'E2\tAttribution-no-source:T6 Cue:T6 ',
    '#1\tAnnotatorNotes T3\ta note',
    '',
  ].join('\n');

  it('reads T lines (a discontinuous span as [min, max)) and E lines with missing roles, and leaves Attribution and Discard out', () => {
    const gold = parsePolnearAnn(text, ann, 'a.ann');
    expect(gold.spans).toEqual([span('Source', 2, 9), span('Cue', 10, 14), span('Claim', 15, 40), span('Cue', 47, 53)]);
    expect(gold.links).toEqual([
      { type: 'attributed_to', from: 2, to: 0 },
      { type: 'has_cue', from: 2, to: 1 },
    ]);
    expect([...text].slice(2, 9).join('')).toBe('Ann Lee');
  });

  it('says which file and line are wrong when offsets do not fit the text', () => {
    expect(() => parsePolnearAnn(text, 'T1\tSource 3 10\tAnn Lee\n', 'a.ann')).toThrow(/a\.ann:1: T1: the text field does not match/);
    expect(() => parsePolnearAnn(text, 'T1\tSource 50 90\tx\n', 'a.ann')).toThrow(/a\.ann:1: .*outside the text/);
    expect(() => parsePolnearAnn(text, 'E1\tContent:T9\n', 'a.ann')).toThrow(/a\.ann:1: names T9/);
  });

  describe('on a folder', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'polnear-'));
      await mkdir(join(dir, 'data', 'dev', 'text'), { recursive: true });
      await mkdir(join(dir, 'data', 'dev', 'attributions'), { recursive: true });
      await writeFile(join(dir, 'data', 'metadata.tsv'), 'compartment\tfilename\tannotators\ndev\tnews_1\tzed|amy\n');
      await writeFile(join(dir, 'data', 'dev', 'text', 'news_1.txt'), text);
      await writeFile(join(dir, 'data', 'dev', 'attributions', 'news_1_zed.ann'), ann);
      await writeFile(join(dir, 'data', 'dev', 'attributions', 'news_1_amy.ann'), 'T1\tSource 43 46\tBob\n');
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('reads the first annotator listed in metadata.tsv, and gives the plain-text importer’s paragraphs as blocks', async () => {
      const [article, ...rest] = await loadPolnearSplit(dir, 'dev');
      expect(rest).toHaveLength(0);
      expect(article!.annotator).toBe('zed');
      expect(article!.gold.spans).toHaveLength(4);
      expect(article!.blocks.map((b) => text.slice(b.start, b.end))).toEqual(['😀 Ann Lee said on Monday\nthat taxes rise.', 'Bob agreed.']);
    });

    it('says what is missing when the first annotator’s file is not there', async () => {
      await rm(join(dir, 'data', 'dev', 'attributions', 'news_1_zed.ann'));
      await expect(loadPolnearSplit(dir, 'dev')).rejects.toThrow(/news_1_zed\.ann is missing: metadata\.tsv lists zed first/);
    });
  });
});
