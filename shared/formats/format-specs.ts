/**
 * The export formats by name: layout on disk, whether they need a tokenizer, what they cannot
 * hold, and their serializers. The one table the services and the CLI read. Pure.
 */
import { toBratConf, createBratSerializer } from './brat';
import { createClaimsTableSerializer, keepClaimsTable } from './claims-csv';
import { createConllSerializer } from './conll';
import type { ExportFormat, FormatSpec } from './serializer';
import { createHfSerializer, hfSidecars } from './hf';
import { toJsonlHeader, toJsonlLine } from './jsonl';
import { keepEverything, keepForBrat, keepSpansAndRelations, keepSpansOnly } from './kept';
import type { FormatDrop } from './report';
import { createSpacySerializer } from './spacy';
import { streamed } from './serializer';
import { createW3cSerializer } from './w3c';

/** A drop that counts nothing of an export's spans, relations or values. */
const said = (what: string): FormatDrop => ({ what, measure: null });

const TOKEN_FORMAT_DROPS: readonly FormatDrop[] = [
  { what: 'relations', measure: 'relations' },
  { what: 'attributes', measure: 'attribute values' },
  said('notes'),
  said('authors and times'),
  said('document status, attributes and meta'),
];

/** What the claims tables (CSV and TSV alike) cannot hold. */
const CLAIMS_TABLE_DROPS: readonly FormatDrop[] = [
  { what: 'spans other than claims and their linked sources and cues', measure: 'spans' },
  { what: 'relations other than attributed_to and has_cue', measure: 'relations' },
  { what: 'attributes of cues', measure: 'attribute values' },
  said('notes of sources and cues'),
  said('document status and meta'),
];

export const FORMAT_SPECS: Readonly<Record<ExportFormat, FormatSpec>> = {
  jsonl: {
    format: 'jsonl',
    layout: 'file',
    extension: '.jsonl',
    streamName: null,
    needsTokenizer: false,
    lossless: true,
    carriesAnnotator: true,
    drops: [],
    keep: keepEverything,
    create: (ctx) => ({ header: () => `${toJsonlHeader(ctx.schema)}\n`, document: (doc) => streamed(`${toJsonlLine(doc)}\n`), footer: () => '' }),
    sidecars: () => [],
  },
  'claims-csv': {
    format: 'claims-csv',
    layout: 'file',
    extension: '.csv',
    streamName: null,
    needsTokenizer: true,
    lossless: false,
    carriesAnnotator: true,
    drops: CLAIMS_TABLE_DROPS,
    keep: keepClaimsTable,
    create: (ctx) => createClaimsTableSerializer(ctx.schema, ctx.tokenizer, { kind: 'csv', allLayers: ctx.allLayers, bom: ctx.bom }),
    sidecars: () => [],
  },
  'claims-tsv': {
    format: 'claims-tsv',
    layout: 'file',
    extension: '.tsv',
    streamName: null,
    needsTokenizer: true,
    lossless: false,
    carriesAnnotator: true,
    drops: CLAIMS_TABLE_DROPS,
    keep: keepClaimsTable,
    create: (ctx) => createClaimsTableSerializer(ctx.schema, ctx.tokenizer, { kind: 'tsv', allLayers: ctx.allLayers, bom: ctx.bom }),
    sidecars: () => [],
  },
  w3c: {
    format: 'w3c',
    layout: 'file',
    extension: '.jsonld',
    streamName: null,
    needsTokenizer: false,
    lossless: false,
    carriesAnnotator: false,
    // An unset attribute gets no tagging body and reads back unset: nothing is lost there (#12).
    drops: [said('document text, title, blocks, status, attributes and meta (annotations point at documents by IRI)')],
    keep: keepEverything,
    create: () => createW3cSerializer(),
    sidecars: () => [],
  },
  brat: {
    format: 'brat',
    layout: 'folder',
    extension: null,
    streamName: null,
    needsTokenizer: false,
    lossless: false,
    carriesAnnotator: true,
    drops: [
      // Each such value is reported as a problem, with its span.
      said('free-text and number attributes'),
      said('authors and times'),
      said('document title, blocks, status, attributes and meta'),
      { what: 'false boolean attributes (brat has only present/absent)', measure: 'attribute values' },
    ],
    keep: keepForBrat,
    create: (ctx) => createBratSerializer(ctx.schema),
    sidecars: (ctx) => [{ name: 'annotation.conf', text: toBratConf(ctx.schema, ctx.labels) }],
  },
  conll: {
    format: 'conll',
    layout: 'file',
    extension: '.conll',
    streamName: null,
    needsTokenizer: true,
    lossless: false,
    carriesAnnotator: false,
    drops: TOKEN_FORMAT_DROPS,
    keep: keepSpansOnly,
    create: createConllSerializer,
    sidecars: () => [],
  },
  hf: {
    format: 'hf',
    layout: 'folder',
    extension: '.jsonl',
    streamName: 'data.jsonl',
    needsTokenizer: true,
    lossless: false,
    carriesAnnotator: true,
    // Each overlapping span left out is reported as a problem, with where it is.
    drops: [said('overlapping spans (one tag per token)'), ...TOKEN_FORMAT_DROPS],
    keep: keepSpansOnly,
    create: createHfSerializer,
    sidecars: hfSidecars,
  },
  spacy: {
    format: 'spacy',
    layout: 'file',
    extension: '.jsonl',
    streamName: null,
    needsTokenizer: true,
    lossless: false,
    carriesAnnotator: true,
    drops: [
      { what: 'attributes', measure: 'attribute values' },
      said('notes'),
      said('authors and times'),
      said('document status, attributes and meta'),
    ],
    keep: keepSpansAndRelations,
    create: createSpacySerializer,
    sidecars: () => [],
  },
};
