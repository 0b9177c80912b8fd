/**
 * The claims table (CSV per RFC 4180, or TSV): one row per Claim with its offsets (code points),
 * text, attributes (one column each, in schema order), note, linked sources (attributed_to) with
 * their attributes, cues (has_cue), and the context sentence(s) from the tokenizer. Several
 * sources are joined with " | " in every source column, in the same order. Spans that are not
 * claims appear only as a claim's source or cue; other relations are not kept (keepClaimsTable
 * says what is, for the report). An attribute nobody set (isUnset) is written as UNSET, `unset`
 * (#12), never as an empty cell or a default; a file may start with a byte-order mark (for Excel).
 * Pure.
 */
import { offsetMap } from '../anchoring/code-points';
import { claimLinks, claimsInTextOrder } from '../model/claims-table';
import { isUnset, UNSET } from '../model/schema-rules';
import { ATTRIBUTED_TO, CLAIM_LABEL, HAS_CUE, SOURCE_LABEL } from '../model/vocabulary';
import { attributeNamesOf, namedAttributes, type KeptDocument } from './kept';
import type { AttributeValue, DocumentData, Schema } from '../model/types';
import { streamed, type DocumentSerializer } from './serializer';
import type { Tokenizer } from './tokens';

const JOIN = ' | ';

/** The UTF-8 byte-order mark, as the first character of a file. */
export const BOM = '\uFEFF';

/** A CSV field, quoted when it holds a comma, quote, line break or edge space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A TSV field with backslash escapes for backslash, tab and line breaks (the "linear TSV" convention). */
export function tsvField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** An attribute's cell: UNSET for every unset value (isUnset), a list joined with ";", anything else as its text. */
const show = (v: AttributeValue | undefined): string =>
  isUnset(v) ? UNSET : Array.isArray(v) ? (v as readonly string[]).join(';') : String(v as string | number | boolean);

/** The text of the sentences that hold [start, end) (UTF-16), or the span's own text without a tokenizer. */
function contextOf(text: string, start: number, end: number, sentences: readonly (readonly [number, number])[]): string {
  let from = start;
  let to = end;
  for (const [s, e] of sentences) {
    if (s <= start && start < e) from = s;
    if (s < end && end <= e) to = e;
  }
  return text.slice(from, to);
}

/**
 * What of a document the table writes (for the report): claims with their Claim attributes, the
 * attributed_to and has_cue links from claims, the sources they reach with their Source attributes,
 * and the cues they reach (no attributes). Everything else is not kept.
 */
export function keepClaimsTable(doc: DocumentData, schema: Schema): KeptDocument {
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const isClaim = (id: string) => byId.get(id)?.label === CLAIM_LABEL;
  const relations = doc.relations.filter((r) => (r.type === ATTRIBUTED_TO || r.type === HAS_CUE) && isClaim(r.from) && byId.has(r.to));
  const sources = new Set(relations.filter((r) => r.type === ATTRIBUTED_TO).map((r) => r.to));
  const cues = new Set(relations.filter((r) => r.type === HAS_CUE).map((r) => r.to));
  const claimAttrs = attributeNamesOf(schema, CLAIM_LABEL);
  const sourceAttrs = attributeNamesOf(schema, SOURCE_LABEL);
  const annotations = doc.annotations.flatMap((a) => {
    if (a.label === CLAIM_LABEL) return [{ ...a, attributes: namedAttributes(a.attributes, claimAttrs, true) }];
    if (sources.has(a.id)) return [{ ...a, attributes: namedAttributes(a.attributes, sourceAttrs, true) }];
    return cues.has(a.id) ? [{ ...a, attributes: {} }] : [];
  });
  return { annotations, relations };
}

/** The columns of the table for a schema. */
export function claimsTableHeader(schema: Schema): string[] {
  const claimAttrs = schema.labels.find((l) => l.name === CLAIM_LABEL)?.attributes.map((a) => a.name) ?? [];
  const sourceAttrs = schema.labels.find((l) => l.name === SOURCE_LABEL)?.attributes.map((a) => a.name) ?? [];
  return [
    'document_id',
    'document_title',
    'claim_id',
    'start_cp',
    'end_cp',
    'claim',
    ...claimAttrs,
    'note',
    'sources',
    'source_ids',
    ...sourceAttrs.map((a) => `source_${a}`),
    'cues',
    'context',
  ];
}

/** The rows of one document, as cell strings. */
export function claimsTableRows(doc: DocumentData, schema: Schema, tokenizer: Tokenizer | null): string[][] {
  const claimAttrs = schema.labels.find((l) => l.name === CLAIM_LABEL)?.attributes.map((a) => a.name) ?? [];
  const sourceAttrs = schema.labels.find((l) => l.name === SOURCE_LABEL)?.attributes.map((a) => a.name) ?? [];
  const claims = claimsInTextOrder(doc);
  if (claims.length === 0) return [];
  const map = offsetMap(doc.text);
  const links = claimLinks(doc);
  let sentences: [number, number][] = [];
  if (tokenizer) {
    const { tokens, sentenceStarts } = tokenizer.tokenize(doc.text);
    if (tokens.length > 0)
      sentences = sentenceStarts.map((first, i) => [tokens[first]!.start, tokens[(sentenceStarts[i + 1] ?? tokens.length) - 1]!.end]);
  }
  return claims.map((c) => {
    const sources = links.get(c.id)?.sources ?? [];
    return [
      doc.id,
      doc.title,
      c.id,
      String(map.codePointFromUtf16(c.start)),
      String(map.codePointFromUtf16(c.end)),
      c.quote,
      ...claimAttrs.map((a) => show(c.attributes[a])),
      c.note ?? '',
      sources.map((s) => s.quote).join(JOIN),
      sources.map((s) => s.id).join(JOIN),
      ...sourceAttrs.map((a) => sources.map((s) => show(s.attributes[a])).join(JOIN)),
      (links.get(c.id)?.cues ?? []).map((s) => s.quote).join(JOIN),
      contextOf(doc.text, c.start, c.end, sentences),
    ];
  });
}

/** How a claims table is written: CSV (CRLF rows, RFC 4180) or TSV (LF rows, escaped); an annotator column; a byte-order mark. */
export type ClaimsTableOptions = Readonly<{ kind: 'csv' | 'tsv'; allLayers?: boolean; bom?: boolean }>;

/** A serializer for the claims table. */
export function createClaimsTableSerializer(
  schema: Schema,
  tokenizer: Tokenizer | null,
  { kind, allLayers = false, bom = false }: ClaimsTableOptions,
): DocumentSerializer {
  const row = (cells: readonly string[]) => (kind === 'csv' ? `${cells.map(csvField).join(',')}\r\n` : `${cells.map(tsvField).join('\t')}\n`);
  // With every layer exported, an annotator column follows the document's columns.
  const withAnnotator = (cells: string[], annotator: string) => (allLayers ? [...cells.slice(0, 2), annotator, ...cells.slice(2)] : cells);
  return {
    header: () => (bom ? BOM : '') + row(withAnnotator(claimsTableHeader(schema), 'annotator')),
    document: (doc) =>
      streamed(
        claimsTableRows(doc, schema, tokenizer)
          .map((cells) => row(withAnnotator(cells, doc.annotator ?? '')))
          .join(''),
      ),
    footer: () => '',
  };
}
