/**
 * The export formats by name: layout on disk, whether they need a tokenizer, what they cannot
 * hold, and their serializers. The one table the services and the CLI read. Pure.
 */
import { toBratConf, createBratSerializer } from './brat';
import { createClaimsTableSerializer } from './claims-csv';
import { createConllSerializer } from './conll';
import type { ExportFormat, FormatSpec } from './serializer';
import { createHfSerializer, hfSidecars } from './hf';
import { toJsonlHeader, toJsonlLine } from './jsonl';
import { createSpacySerializer } from './spacy';
import { streamed } from './serializer';
import { createW3cSerializer } from './w3c';

const TOKEN_FORMAT_DROPS = ['relations', 'attributes', 'notes', 'authors and times', 'document status, attributes and meta'];

/** What the claims tables (CSV and TSV alike) cannot hold. */
const CLAIMS_TABLE_DROPS: readonly string[] = [
  'spans other than claims and their linked sources and cues',
  'relations other than attributed_to and has_cue',
  'notes of sources and cues',
  'document status and meta',
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
    canStartWithBom: false,
    drops: [],
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
    canStartWithBom: true,
    drops: CLAIMS_TABLE_DROPS,
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
    canStartWithBom: true,
    drops: CLAIMS_TABLE_DROPS,
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
    canStartWithBom: false,
    drops: ['document text, title, blocks, status, attributes and meta (annotations point at documents by IRI)', 'unset attribute values'],
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
    canStartWithBom: false,
    drops: [
      'free-text and number attributes',
      'authors and times',
      'document title, blocks, status, attributes and meta',
      'false boolean attributes (brat has only present/absent)',
    ],
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
    canStartWithBom: false,
    drops: TOKEN_FORMAT_DROPS,
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
    canStartWithBom: false,
    drops: ['overlapping spans (one tag per token)', ...TOKEN_FORMAT_DROPS],
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
    canStartWithBom: false,
    drops: ['attributes', 'notes', 'authors and times', 'document status, attributes and meta'],
    create: createSpacySerializer,
    sidecars: () => [],
  },
};
