/** brat: fragments across line breaks, annotation.conf, and reading .ann files (good and bad lines). */
import { describe, expect, it } from 'vitest';
import { blocksOfPlainText, parseBratAnn, toBratAnn } from '../../../shared/formats/brat';
import { FIXTURE_SCHEMA } from '../../fixtures/export/fixture';

const NOW = '2025-01-01T00:00:00.000Z';

describe('brat', () => {
  it('writes a span across a line break as fragments and reads it back as one span', () => {
    const text = 'Ab 😀 cd\n\nef gh';
    const quote = 'cd\n\nef';
    const start = text.indexOf(quote);
    const { ann } = toBratAnn(
      'd',
      text,
      [{ id: 'x', label: 'Evidence', start, end: start + quote.length, quote, attributes: {}, author: '', createdAt: NOW, updatedAt: NOW }],
      [],
      FIXTURE_SCHEMA,
    );
    expect(ann).toBe('T1\tEvidence 5 7;9 11\tcd ef\n');
    const back = parseBratAnn(text, ann, FIXTURE_SCHEMA, NOW);
    expect(back.problems).toEqual([]);
    expect(back.annotations[0]).toMatchObject({ id: 'T1', start, end: start + quote.length, quote });
  });

  it('types attribute values by the schema and keeps notes', () => {
    const text = 'Hill said the talks would resume.';
    const ann = [
      'T1\tClaim 10 32\tthe talks would resume',
      'T2\tSource 0 4\tHill',
      'R1\tattributed_to Arg1:T1 Arg2:T2',
      'A1\tneeds_review T1',
      'A2\ttopics T1 politics',
      'A3\ttopics T1 economy',
      'A4\tclaim_type T1 prediction',
      '#1\tAnnotatorNotes T1\ta note',
    ].join('\n');
    const back = parseBratAnn(text, ann, FIXTURE_SCHEMA, NOW);
    expect(back.problems).toEqual([]);
    expect(back.annotations[0]!.attributes).toEqual({ needs_review: true, topics: ['politics', 'economy'], claim_type: 'prediction' });
    expect(back.annotations[0]!.note).toBe('a note');
    expect(back.relations).toEqual([{ id: 'R1', type: 'attributed_to', from: 'T1', to: 'T2', author: '', createdAt: NOW }]);
  });

  it('refuses a T line whose text field does not match the .txt, with its line, and what depends on it', () => {
    const text = 'Hill said the talks would resume.';
    const ann = [
      'T1\tSource 0 4\tHill',
      'T2\tClaim 10 32\tthe talks would resumX',
      'R1\tattributed_to Arg1:T2 Arg2:T1',
      'A1\tclaim_type T2 prediction',
      'T3\tCue 5 9\tsaid',
      'E1\tEvent:T3',
      'T4\tCue 5 99\tsaid',
    ].join('\n');
    const back = parseBratAnn(text, ann, FIXTURE_SCHEMA, NOW);
    expect(back.annotations.map((a) => a.id)).toEqual(['T1', 'T3']);
    expect(back.problems.map((p) => p.line)).toEqual([2, 3, 4, 6, 7]);
    expect(back.problems[0]!.reason).toMatch(/does not match the \.txt/);
    expect(back.problems[4]!.reason).toMatch(/outside the text/);
  });

  it('makes paragraph blocks of plain text', () => {
    expect(blocksOfPlainText('a b\nc\n\nd\n')).toEqual([
      { type: 'paragraph', start: 0, end: 5 },
      { type: 'paragraph', start: 7, end: 8 },
    ]);
  });
});
