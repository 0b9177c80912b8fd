/**
 * The claims table (#12): a byte-order mark when asked (Excel reads UTF-8 only with one), and
 * `unset` in every attribute column nobody set, for the claim and for its linked sources,
 * whether the attribute is absent or null.
 */
import { describe, expect, it } from 'vitest';
import { UNSET } from '../../../shared/model/schema-rules';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import type { SerializerContext } from '../../../shared/formats/serializer';
import { SIMPLE_TOKENIZER } from '../../../shared/formats/tokens';
import type { DocumentData } from '../../../shared/model/types';
import { smallDocument, smallRelation, smallSpan, SMALL_SCHEMA } from './small-docs';

/** The whole table of some documents in a format, as the service writes it. */
function table(format: 'claims-csv' | 'claims-tsv', docs: readonly DocumentData[], bom: boolean): string {
  const ctx: SerializerContext = {
    schema: SMALL_SCHEMA,
    labels: SMALL_SCHEMA.labels.map((l) => l.name),
    tokenizer: SIMPLE_TOKENIZER,
    layerCount: 1,
    bom,
  };
  const s = FORMAT_SPECS[format].create(ctx);
  return s.header() + docs.map((d) => s.document(d).text).join('') + s.footer();
}

/** The rows of a CSV without quoted fields, as header -> cell records. */
function records(csv: string): Record<string, string>[] {
  const [head, ...rows] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const names = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((cell, i) => [names[i]!, cell])));
}

const doc = smallDocument(
  [
    smallSpan('c1', 'Claim', 'prices will fall', { checkworthy: null, claim_type: 'prediction' }),
    smallSpan('s1', 'Source', 'Ministers', { role: null }),
    smallSpan('s2', 'Source', 'Genève', { role: 'official' }),
  ],
  [smallRelation('r1', 'attributed_to', 'c1', 's1'), smallRelation('r2', 'attributed_to', 'c1', 's2')],
);

describe('claims table', () => {
  it('starts with a UTF-8 byte-order mark only when asked, in CSV and TSV alike', () => {
    for (const format of ['claims-csv', 'claims-tsv'] as const) {
      const withBom = Buffer.from(table(format, [doc], true), 'utf8');
      expect([...withBom.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'd'.charCodeAt(0)]);
      const plain = Buffer.from(table(format, [doc], false), 'utf8');
      expect(plain[0]).toBe('d'.charCodeAt(0));
      // The mark is written once, before the header, however many documents follow.
      expect(table(format, [doc, doc], true).split('\uFEFF')).toHaveLength(2);
    }
  });

  it('writes unset for attributes nobody set (absent or null), for the claim and each linked source', () => {
    const [row] = records(table('claims-csv', [doc], false));
    expect(row!.checkworthy).toBe(UNSET); // null
    expect(row!.verifiable).toBe(UNSET); // absent
    expect(row!.claim_type).toBe('prediction');
    expect(row!.factcheck_url).toBe(UNSET);
    // Sources in text order (Ministers, then Genève), each with its own value or unset.
    expect(row!.sources).toBe('Ministers | Genève');
    expect(row!.source_role).toBe(`${UNSET} | official`);
    expect(row!.source_kind).toBe(`${UNSET} | ${UNSET}`);
  });

  it('leaves the source columns empty for a claim without sources (nothing to be unset)', () => {
    const [row] = records(table('claims-csv', [smallDocument([smallSpan('c1', 'Claim', 'prices will fall')])], false));
    expect(row!.sources).toBe('');
    expect(row!.source_role).toBe('');
    expect(row!.checkworthy).toBe(UNSET);
  });
});
