/**
 * The export report says the same thing everywhere (#12): what a format does not keep is counted
 * under what it does not keep, the counts of spans, relations and attribute values are of what is
 * written, and "every span is written as it is" appears only when it is true.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_SPECS } from '../../../shared/formats/format-specs';
import { countDocument, emptyReport, formatReport, type ExportReport } from '../../../shared/formats/report';
import type { ExportFormat } from '../../../shared/formats/serializer';
import { SIMPLE_TOKENIZER } from '../../../shared/formats/tokens';
import type { AttributeValue, DocumentData } from '../../../shared/model/types';
import { serializeAll } from './support';
import { smallDocument, smallRelation, smallSpan, SMALL_SCHEMA } from './small-docs';

/** The report of some documents in a format, counted as the export service counts them. */
function reportOf(format: ExportFormat, docs: readonly DocumentData[]): ExportReport {
  const spec = FORMAT_SPECS[format];
  const report = emptyReport(format, null, spec.drops);
  for (const doc of docs) {
    const { problems } = serializeAll(format, [doc], SMALL_SCHEMA, SIMPLE_TOKENIZER);
    countDocument(report, doc, spec.keep(doc, SMALL_SCHEMA), problems, null);
  }
  return report;
}

const EVERY_SPAN_AS_IT_IS = /every span is written as it is/;

const doc = smallDocument(
  [
    smallSpan('c1', 'Claim', 'prices will fall', { claim_type: 'prediction' }),
    smallSpan('s1', 'Source', 'Ministers', { role: 'official' }),
    smallSpan('v1', 'Cue', 'said', { cue_class: 'communication' }),
    smallSpan('p1', 'Place name', 'Genève'),
  ],
  [smallRelation('r1', 'attributed_to', 'c1', 's1'), smallRelation('r2', 'has_cue', 'c1', 'v1'), smallRelation('r3', 'coref', 's1', 'p1')],
);

describe('export report', () => {
  it('claims CSV: a span of a custom label is counted under what the table does not keep, never as written as it is', () => {
    const report = reportOf('claims-csv', [doc]);
    expect(report.spansPerLabel).toEqual({ Claim: 1, Source: 1, Cue: 1 });
    expect(report.relationsPerType).toEqual({ attributed_to: 1, has_cue: 1 });
    const dropped = Object.fromEntries(report.drops.map((d) => [d.what, d.counts]));
    expect(dropped['spans other than claims and their linked sources and cues']).toEqual({ 'Place name': 1 });
    expect(dropped['relations other than attributed_to and has_cue']).toEqual({ coref: 1 });
    expect(dropped['attributes of cues']).toEqual({ 'Cue.cue_class': 1 });
    // The cue's attribute is not among the values written.
    expect(Object.keys(report.attributeValues)).not.toContain('Cue.cue_class');
    const text = formatReport(report).join('\n');
    expect(text).toMatch(/spans other than claims and their linked sources and cues: Place name 1/);
    expect(text).not.toMatch(EVERY_SPAN_AS_IT_IS);
    expect(text).toMatch(/1 span\(s\) not kept/);
  });

  it('CoNLL: relations and attribute values are counted as not kept, not as written', () => {
    const report = reportOf('conll', [doc]);
    expect(report.relationsPerType).toEqual({});
    expect(report.attributeValues).toEqual({});
    const dropped = Object.fromEntries(report.drops.map((d) => [d.what, d.counts]));
    expect(dropped.relations).toEqual({ attributed_to: 1, has_cue: 1, coref: 1 });
    expect(dropped.attributes).toEqual({ 'Claim.claim_type': 1, 'Source.role': 1, 'Cue.cue_class': 1 });
    const text = formatReport(report).join('\n');
    expect(text).toMatch(/relations: attributed_to 1, coref 1, has_cue 1/);
    // Every span is on token boundaries and kept: here the sentence is true.
    expect(text).toMatch(EVERY_SPAN_AS_IT_IS);
  });

  it('counts the legacy "unset", an empty list and empty text as (unset) too, never as a value of their own', () => {
    const unset: AttributeValue[] = ['unset', [], ''];
    const report = reportOf('jsonl', [
      smallDocument(unset.map((v, i) => smallSpan(`s${i}`, 'Source', ['Ministers', 'Genève', 'prices'][i]!, { role: v }))),
    ]);
    expect(report.attributeValues['Source.role']).toEqual({ '(unset)': 3 });
  });

  it('counts an attribute nobody set as (unset), whether absent or null, and keeps the analyst’s values apart', () => {
    const report = reportOf('jsonl', [
      smallDocument([smallSpan('s1', 'Source', 'Ministers', { role: 'official', kind: null }), smallSpan('s2', 'Source', 'Genève', {})]),
    ]);
    expect(report.attributeValues['Source.role']).toEqual({ official: 1, '(unset)': 1 });
    expect(report.attributeValues['Source.kind']).toEqual({ '(unset)': 2 });
    expect(report.drops).toEqual([]);
  });
});
