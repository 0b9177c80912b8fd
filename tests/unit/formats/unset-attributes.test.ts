/**
 * Attributes nobody set (#12): absent from an annotation's `attributes`, or null. No export fills
 * in a schema default and none makes an unset attribute look chosen: JSONL keeps them as they
 * are (absent stays absent), W3C writes no tagging body, brat no A line, the token formats hold
 * no attributes at all, the claims table says `unset`; reading W3C and brat back gives absent
 * attributes again.
 */
import { describe, expect, it } from 'vitest';
import { UNSET } from '../../../shared/model/schema-rules';
import { parseBratAnn } from '../../../shared/formats/brat';
import { EXPORT_FORMATS } from '../../../shared/formats/serializer';
import { SIMPLE_TOKENIZER } from '../../../shared/formats/tokens';
import { parseW3c } from '../../../shared/formats/w3c';
import { parseJsonl, serializeAll } from './support';
import { smallDocument, smallRelation, smallSpan, SMALL_SCHEMA } from './small-docs';

const doc = smallDocument(
  [
    // Nothing set at all, and everything set to null: both mean "nobody chose".
    smallSpan('c1', 'Claim', 'prices will fall', {}),
    smallSpan('s1', 'Source', 'Ministers', { identification: null, kind: null, role: null, ground_rules: null, kb_id: null }),
    // One value chosen among unset ones.
    smallSpan('s2', 'Source', 'Genève', { role: 'expert' }),
  ],
  [smallRelation('r1', 'attributed_to', 'c1', 's1')],
);
const NOW = '2025-01-01T00:00:00.000Z';
const serialize = (format: (typeof EXPORT_FORMATS)[number]) => serializeAll(format, [doc], SMALL_SCHEMA, SIMPLE_TOKENIZER);

/** Every value a schema default would fill in for the spans of the document (but the claims table's own word for unset). */
const defaults = SMALL_SCHEMA.labels.flatMap((l) =>
  l.attributes.flatMap((a) => (typeof a.default === 'string' && a.default !== UNSET ? [a.default] : [])),
);

describe('unset attributes in exports', () => {
  it('JSONL keeps an absent attribute absent and a null one null, and reads them back so', () => {
    const { stream } = serialize('jsonl');
    const back = parseJsonl(stream).documents[0]!;
    expect(back.annotations.map((a) => [a.id, a.attributes])).toEqual(doc.annotations.map((a) => [a.id, a.attributes]));
    // The header holds the schema; the document line names no Claim attribute.
    expect(stream.split('\n')[1]).not.toMatch(/"checkworthy"/);
  });

  it('W3C writes a tagging body only for the value set, and reads back no attribute for the rest', () => {
    const { stream } = serialize('w3c');
    const parsed = parseW3c(stream);
    expect(parsed.spans.map((s) => [s.spanId, s.tags])).toEqual([
      ['c1', []],
      ['s1', []],
      ['s2', [{ name: 'role', value: 'expert' }]],
    ]);
  });

  it('brat writes an A line only for the value set, and reads back no attribute for the rest', () => {
    const { files } = serialize('brat');
    const ann = files.find((f) => f.name.endsWith('.ann'))!.text;
    expect(ann.split('\n').filter((l) => l.startsWith('A'))).toEqual(['A1\trole T3 expert']);
    const back = parseBratAnn(doc.text, ann, SMALL_SCHEMA, NOW);
    expect(back.annotations.map((a) => a.attributes)).toEqual([{}, {}, { role: 'expert' }]);
  });

  it('no format writes a schema default for an attribute nobody set', () => {
    for (const format of EXPORT_FORMATS) {
      const out = serialize(format);
      // The JSONL header holds the schema (with its defaults), annotation.conf the brat schema: data only.
      const stream = format === 'jsonl' ? out.stream.split('\n').slice(1).join('\n') : out.stream;
      const text = [stream, ...out.files.filter((f) => f.name !== 'annotation.conf').map((f) => f.text)].join('\n');
      // A default would show up as `name=value`, `name":"value` or as a cell; none of the defaults' values may appear.
      for (const value of defaults)
        expect(text, `${format} holds the default ${value}`).not.toMatch(new RegExp(`[=": \\t,|]${value}[",\\t\\r\\n |]`));
    }
  });

  it('the claims table says unset where nobody chose', () => {
    const { stream } = serialize('claims-csv');
    const [head, row] = stream
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('checkworthy')).toBe(UNSET);
    expect(cell('source_role')).toBe(UNSET);
  });
});

describe('unset values stored the old ways', () => {
  // The same spans with every unset value written as the legacy "unset", an empty list and empty text.
  const legacy = smallDocument(
    [
      smallSpan('c1', 'Claim', 'prices will fall', { checkworthy: 'unset', claim_type: [], claim_summary: '' }),
      smallSpan('s1', 'Source', 'Ministers', { identification: 'unset', kind: [], role: '', ground_rules: null }),
      smallSpan('s2', 'Source', 'Genève', { role: 'expert', kind: 'unset' }),
    ],
    [smallRelation('r1', 'attributed_to', 'c1', 's1')],
  );
  const absent = smallDocument(
    [smallSpan('c1', 'Claim', 'prices will fall'), smallSpan('s1', 'Source', 'Ministers'), smallSpan('s2', 'Source', 'Genève', { role: 'expert' })],
    [smallRelation('r1', 'attributed_to', 'c1', 's1')],
  );

  it('every format but JSONL (which writes what it is given) writes them as if the attributes were absent, with no problem', () => {
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'jsonl')) {
      const [a, b] = [legacy, absent].map((d) => serializeAll(format, [d], SMALL_SCHEMA, SIMPLE_TOKENIZER));
      expect(a, format).toEqual(b);
    }
  });
});
