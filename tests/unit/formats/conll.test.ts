/**
 * CoNLL IOB2 and the Hugging Face tag set (#12): each -DOCSTART- line names its document in the
 * form CoNLL-2003 readers still take as a boundary, and B-/I- tags keep the schema's spelling
 * of each label.
 */
import { describe, expect, it } from 'vitest';
import { hfLabelNames } from '../../../shared/formats/hf';
import { SIMPLE_TOKENIZER } from '../../../shared/formats/tokens';
import { serializeAll } from './support';
import { smallDocument, smallRelation, smallSpan, SMALL_SCHEMA } from './small-docs';

const docs = [
  smallDocument(
    [smallSpan('c1', 'Claim', 'prices will fall'), smallSpan('s1', 'Source', 'Ministers'), smallSpan('p1', 'Place name', 'Genève')],
    [smallRelation('r1', 'attributed_to', 'c1', 's1')],
  ),
  smallDocument([], [], '0123456789ab'),
];

/** The lines of a CoNLL text that are neither comments nor blank. */
const dataLines = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));

describe('CoNLL IOB2', () => {
  it('names each document on its -DOCSTART- line, as "-DOCSTART- (id)", a boundary for CoNLL-2003 readers', () => {
    const { stream } = serializeAll('conll', docs, SMALL_SCHEMA, SIMPLE_TOKENIZER);
    const starts = dataLines(stream).filter((l) => l.startsWith('-DOCSTART-'));
    expect(starts).toEqual(['-DOCSTART- (abcdef123456)\tO', '-DOCSTART- (0123456789ab)\tO']);
    // The Hugging Face conll2003 loader skips lines that start with -DOCSTART-; flair's
    // ColumnCorpus (whitespace columns) takes a line whose first field is -DOCSTART- as a boundary.
    for (const line of starts) expect(line.split(/\s+/)[0]).toBe('-DOCSTART-');
  });

  it('keeps the schema spelling of labels in B-/I- tags (a space becomes _)', () => {
    const { stream } = serializeAll('conll', docs, SMALL_SCHEMA, SIMPLE_TOKENIZER);
    const tagged = dataLines(stream).filter((l) => !l.startsWith('-DOCSTART-'));
    expect(tagged).toContain('Ministers\tB-Source');
    expect(tagged).toContain('prices\tB-Claim');
    expect(tagged).toContain('will\tI-Claim');
    expect(tagged).toContain('Genève\tB-Place_name');
    expect(stream).not.toMatch(/-CLAIM|-SOURCE/);
  });

  it('gives Hugging Face the same tag names', () => {
    expect(hfLabelNames(['Claim', 'Place name'])).toEqual(['O', 'B-Claim', 'I-Claim', 'B-Place_name', 'I-Place_name']);
  });
});
