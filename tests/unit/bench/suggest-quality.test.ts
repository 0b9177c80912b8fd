/** The suggestions bench's quality table: a row per label and link type with its counts, and the targets line. */
import { describe, expect, it } from 'vitest';
import { formatQualityTable } from '../../../bench/suggest/quality';
import { addCounts, EMPTY_COUNTS, scoreArticle, type Annotated } from '../../../bench/suggest/score';

const gold: Annotated = {
  spans: [
    { label: 'Source', start: 0, end: 9 },
    { label: 'Cue', start: 10, end: 14 },
    { label: 'Claim', start: 15, end: 29 },
  ],
  links: [
    { type: 'attributed_to', from: 2, to: 0 },
    { type: 'has_cue', from: 2, to: 1 },
  ],
};

describe('formatQualityTable', () => {
  it('shows P/R/F1 exact and overlap with the counts, and every target met for a perfect prediction', () => {
    const table = formatQualityTable('hand (1 articles)', addCounts(EMPTY_COUNTS, scoreArticle(gold, gold)));
    expect(table).toContain('| Claim | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1 | 1 | 1 | 1 |');
    expect(table).toContain('| all links | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 2 | 2 | 2 | 2 |');
    expect(table).not.toContain('MISSED');
  });

  it('marks each target missed when nothing is predicted', () => {
    const table = formatQualityTable('hand (1 articles)', scoreArticle(gold, { spans: [], links: [] }));
    expect(table).toContain('| all spans | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 3 | 0 | 0 | 0 |');
    expect(table.match(/MISSED/g)).toHaveLength(3);
  });
});
