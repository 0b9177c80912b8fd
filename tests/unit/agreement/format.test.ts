/** formatAgreement: JSON is the report, CSV one row per pair or mean and measure, Markdown readable tables. */
import { describe, expect, it } from 'vitest';
import { formatAgreement, MEAN_ROW } from '../../../shared/agreement/format';
import { computeAgreement } from '../../../shared/agreement/report';
import { taggedDocument } from './build';

const layer = (tagged: string) => [tagged, { c: { label: 'Claim', attributes: { type: 'x' } }, s: 'Source' }, [['c', 'attributed_to', 's']]] as const;
const report = computeAgreement(
  [
    taggedDocument('d1', {
      ann: layer('"<c>Grid fails</c>," <s>officials | staff</s> said.'),
      bob: layer('"<c>Grid fails</c>," <s>officials</s> | staff said.'),
      cat: layer('"Grid <c>fails</c>," officials | <s>staff</s> said.'),
    }),
    taggedDocument('d2', { ann: layer('<c>Rain</c> <s>soon</s>.') }, 'Second, "quoted"'),
  ],
  { labels: ['Claim', 'Source', 'Cue'] },
);

describe('formatAgreement', () => {
  it('writes JSON as the report, indented by two', () => {
    const json = formatAgreement(report, 'json');
    expect(json).toBe(JSON.stringify(report, null, 2));
    expect(Object.keys(JSON.parse(json) as object)).toEqual(['annotators', 'documents', 'pairs', 'mean', 'perDocument', 'notes']);
  });

  it('writes CSV: a header, then one row per pair or mean and measure, null as an empty value', () => {
    const lines = formatAgreement(report, 'csv').split('\r\n');
    expect(lines[0]).toBe('pair,measure,value');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    // Per pair: 3 labels × 3 measures, 2 overall, 1 relation type, 1 attribute × (kappa, n).
    expect(rows).toHaveLength((report.pairs.length + 1) * (9 + 2 + 1 + 2));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['ann / bob', 'ann / cat', 'bob / cat', MEAN_ROW]));
    expect(rows).toContainEqual(['ann / bob', 'labels.Claim.f1_exact', '1']);
    expect(rows).toContainEqual(['ann / bob', 'labels.Cue.alpha_u', '']);
    expect(rows).toContainEqual([MEAN_ROW, 'attributes.Claim.type.n', '3']);
  });

  it('writes Markdown: a pair × label matrix per span measure, relations, attributes, documents and notes', () => {
    const md = formatAgreement(report, 'md');
    for (const heading of ['F1, exact boundaries', 'F1, overlapping', 'alpha_u', 'Relations', 'Attributes', 'least to most agreement', 'Notes']) {
      expect(md).toMatch(new RegExp(`^## .*${heading}`, 'm'));
    }
    expect(md).toContain('| pair | Claim | Source | Cue | overall |');
    expect(md).toMatch(/^\| ann \/ bob \| 1\.000 \| 0\.\d{3} \| — \| 0\.\d{3} \|$/m);
    expect(md).toMatch(/^\| mean \|/m);
    expect(md).toMatch(/^\| Claim\.type \| .*\(n=1\)/m);
    expect(md).toContain('| Second, "quoted" | d2 | — | — | — |');
    for (const note of report.notes) expect(md).toContain(`- ${note}`);
  });
});
